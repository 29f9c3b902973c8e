// Rule-based sentence splitter. One forward pass over the text: at each sentence-final mark the
// surrounding context (the word before, the word after, spacing, quotes) decides whether the
// sentence ends there. Every decision looks at a bounded window, so the pass is linear.
#include "segment.h"

#include <string>

#include "abbreviations.h"
#include "utf8.h"

namespace precis {
namespace {

// Longest word (in bytes) looked up in the word lists; longer tokens are never abbreviations,
// and the bound keeps a run of dots in a huge token from rescanning it.
constexpr size_t kMaxWordBytes = 48;

enum class Stop { kNone, kDot, kEllipsis, kStrong, kCjk };

Stop stop_kind(char32_t cp) {
  switch (cp) {
    case '.':
      return Stop::kDot;
    case 0x2026:  // …
      return Stop::kEllipsis;
    case '!': case '?':
    case 0x203C: case 0x203D: case 0x2047: case 0x2048: case 0x2049:  // ‼ ‽ ⁇ ⁈ ⁉
    case 0x061F: case 0x06D4:                                          // Arabic ? and Urdu full stop
    case 0x0964: case 0x0965:                                          // Devanagari danda
    case 0x0589:                                                       // Armenian full stop
      return Stop::kStrong;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0xFF0E:   // 。！？｡．
    case 0x104B: case 0x1362: case 0x1367:                             // Burmese, Ethiopic
      return Stop::kCjk;  // often written with no space after: the sentence ends whatever follows
    default:
      return Stop::kNone;
  }
}

// Closing brackets and quotes that belong to the sentence they follow: "(… engineer.) at".
bool is_closing_bracket(char32_t cp) {
  switch (cp) {
    case ')': case ']': case '}': case 0xBB /* » */: case 0x203A /* › */:
    case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0x3009: case 0x300B:  // 」』】〕〉》
    case 0xFF09: case 0xFF3D:  // fullwidth ) ]
      return true;
    default:
      return false;
  }
}

// Quotes that may open or close; after a stop they close only when no word follows at once.
bool is_quote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201C ||
         cp == 0x201D || cp == 0x201E;
}

bool is_dash(char32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014; }

bool is_bullet(char32_t cp) {
  return cp == 0x2022 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA || cp == 0x25CF ||
         cp == 0x25A0 || cp == 0x2023 || cp == 0x27A2 || cp == 0x25BA;
}

bool is_line_end(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

class Splitter {
 public:
  Splitter(std::string_view text, std::string_view lang)
      : t_(text), words_(word_lists(lang)), colon_is_stop_(lang == "hy") {}

  std::vector<Span> run();

 private:
  char32_t at(size_t pos, size_t* length = nullptr) const;
  size_t before(size_t pos) const;  // start of the code point that ends at pos
  size_t skip_spaces(size_t pos) const;

  void cut(size_t pos) {
    cuts_.push_back(pos);
    has_word_ = false;
  }
  void on_token_start(size_t pos);
  size_t on_stop(size_t pos);
  size_t on_spaced_ellipsis(size_t pos);
  bool glued_sentence_start(size_t dot, size_t next) const;
  enum class Before { kWord, kPlainWord, kAbbreviation, kEnder, kTitle };
  Before word_before_dot(size_t dot) const;
  bool starts_with_starter(size_t pos) const;

  Stop stop_at(size_t pos, char32_t cp) const;

  std::string_view t_;
  const WordLists& words_;
  bool colon_is_stop_;             // Armenian text often uses ':' for its full stop '։'
  std::vector<size_t> cuts_;       // positions where a new sentence begins
  bool has_word_ = false;          // a letter or digit since the last cut
  size_t token_start_ = 0;         // first byte after the last space
  size_t prev_token_start_ = 0;    // the token before it (for "you and I. Did")
  size_t prev_token_end_ = 0;
  bool url_token_ = false;         // current token looks like a URL or an e-mail address
  size_t protected_until_ = 0;     // stops before this offset belong to a list marker ("1.)")
  int marker_kind_ = 0;            // last list marker seen: 1 = number, 2 = letter
  int marker_value_ = 0;
  int book_title_depth_ = 0;       // inside 《…》 a CJK stop does not end the sentence
};

char32_t Splitter::at(size_t pos, size_t* length) const {
  size_t next = pos;
  const char32_t cp = decode_utf8(t_, next);
  if (length) *length = next - pos;
  return cp;
}

size_t Splitter::before(size_t pos) const {
  size_t start = pos - 1;
  // Step back over at most three continuation bytes, then make sure they decode to end at pos.
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(t_[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  size_t probe = start;
  decode_utf8(t_, probe);
  return probe == pos ? start : pos - 1;
}

Stop Splitter::stop_at(size_t pos, char32_t cp) const {
  if (cp == ':' && colon_is_stop_) return Stop::kStrong;
  if (cp == 0xFF0E && pos > 0) {  // fullwidth dot: a decimal point between digits ("３．２９")
    size_t length;
    at(pos, &length);
    if (is_digit(at(before(pos))) && pos + length < t_.size() && is_digit(at(pos + length))) {
      return Stop::kNone;
    }
  }
  return stop_kind(cp);
}

size_t Splitter::skip_spaces(size_t pos) const {
  while (pos < t_.size()) {
    size_t length;
    const char32_t cp = at(pos, &length);
    if (!is_space(cp) || is_line_end(cp)) break;
    pos += length;
  }
  return pos;
}

// The lowercase word that ends just before `end`, from the current token: leading quotes and
// brackets and an elided article ("l'Avv.", "dell’Ing.") stripped. Empty when the token is too long
// to be an abbreviation.
std::string core_word(std::string_view t, size_t token_start, size_t end) {
  if (end - token_start > kMaxWordBytes) return {};
  size_t pos = token_start;
  bool in_word = false;
  for (size_t q = token_start; q < end;) {
    const char32_t cp = decode_utf8(t, q);
    size_t peek = q;
    if ((cp == '\'' || cp == 0x2019) && q < end && is_upper(decode_utf8(t, peek))) {
      pos = q;  // the word starts after the apostrophe ("l'Avv", but not "didn't")
      in_word = false;
    } else if (!in_word) {
      if (is_word_char(cp)) in_word = true; else pos = q;
    }
  }
  return lowercase(t.substr(pos, end - pos));
}

// "u.s", "e.g", "ll.aa.ii.rr": letter groups of one to three letters joined by dots.
bool is_dotted_abbreviation(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  size_t group = 0;
  for (size_t pos = 0; pos < word.size();) {
    if (word[pos] == '.') {
      if (group == 0) return false;
      group = 0;
      ++pos;
      continue;
    }
    if (!is_letter(decode_utf8(word, pos)) || ++group > 3) return false;
  }
  return group > 0;
}

bool all_digits(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool Splitter::starts_with_starter(size_t pos) const {
  std::string word;
  while (pos < t_.size() && word.size() < kMaxWordBytes) {
    size_t length;
    const char32_t cp = at(pos, &length);
    if (!is_letter(cp)) break;
    append_utf8(word, to_lower(cp));
    pos += length;
  }
  // "J.-C.", "A. Smith": a word followed by a dot is an initial or an abbreviation.
  if (pos < t_.size() && t_[pos] == '.') return false;
  return !word.empty() && words_.is_starter(word);
}

// What the token before a dot is. Titles never end a sentence; abbreviations and initials end
// one only before a frequent sentence opener ("… and co. They should know."); plain words (all
// letters, two or more) may end one even before a lowercase word, as web text often has.
Splitter::Before Splitter::word_before_dot(size_t dot) const {
  if (dot == token_start_) return Before::kWord;  // a lone dot: " . "
  const std::string word = core_word(t_, token_start_, dot);
  if (word.empty()) return Before::kWord;
  if (words_.is_title(word)) return Before::kTitle;
  if (words_.is_ender(word)) return Before::kEnder;
  if (words_.is_abbreviation(word) || is_dotted_abbreviation(word) ||
      (words_.ordinal_dot && word.size() <= 3 && all_digits(word))) {
    return Before::kAbbreviation;
  }
  size_t letters = 0;
  bool plain = true;
  for (size_t pos = 0; pos < word.size();) {
    const char32_t cp = decode_utf8(word, pos);
    ++letters;
    plain = plain && is_letter(cp);
  }
  if (letters == 1 && plain) {
    // A single letter is an initial ("J. R. R. Tolkien"), except the pronoun after a lowercase
    // word: "you and I. Did you…".
    const bool pronoun = word == "i" && prev_token_end_ > prev_token_start_ &&
                         is_lower(at(prev_token_start_));
    return pronoun ? Before::kWord : Before::kAbbreviation;
  }
  return plain ? Before::kPlainWord : Before::kWord;
}

// "euros.Alors": scraped text often loses the space between paragraphs. A dot glued to the next
// word ends a sentence when a lowercase word (or number, or closing bracket) precedes it and a
// capitalised word follows, outside URLs, e-mail addresses and known abbreviations ("e.g.",
// "U.S.", "actu.orange.fr", "3.5" all fail one of these tests).
bool Splitter::glued_sentence_start(size_t dot, size_t next) const {
  if (url_token_ || dot == 0) return false;
  // An e-mail address or URL may still follow in the same token: "Jane.Doe@example.com".
  for (size_t q = next; q < t_.size() && q < next + kMaxWordBytes && !is_space(at(q)); ++q) {
    if (t_[q] == '@' || t_.substr(q, 3) == "://") return false;
  }
  size_t length;
  if (!is_upper(at(next, &length)) || next + length >= t_.size()) return false;
  // The next word: "Alors", an elided article "L'incendie", "D’autres", or the word "A".
  size_t second_length;
  const char32_t second = at(next + length, &second_length);
  const bool elided = (second == '\'' || second == 0x2019) &&
                      next + length + second_length < t_.size() &&
                      is_letter(at(next + length + second_length));
  if (!is_lower(second) && !elided && second != ' ') return false;
  const size_t last_start = before(dot);
  const char32_t last = at(last_start);
  if (!is_lower(last) && !is_digit(last) && !is_closing_bracket(last) && !is_quote(last) &&
      last != '%') {
    return false;
  }
  // A one-digit number is a list item ("1.Helado, 2.Carne"), a longer one a year ("2020.Alors").
  if (is_digit(last) && (last_start == 0 || !is_word_char(at(before(last_start))))) return false;
  const std::string word = core_word(t_, token_start_, dot);
  if (words_.is_title(word) || words_.is_abbreviation(word)) return false;
  // "Newsfeed.Com": a domain name with a capitalised top-level domain.
  std::string tld;
  for (size_t q = next; q < t_.size() && tld.size() < 4 && is_letter(at(q, &length)); q += length) {
    append_utf8(tld, to_lower(at(q)));
  }
  return tld != "com" && tld != "net" && tld != "org";
}

// ". . ." written with spaces. Detached from the word before, three dots continue the sentence
// and four end it; glued to the word before ("compounds. . . . The"), the first dot ends the
// sentence and the next one starts with the ellipsis.
size_t Splitter::on_spaced_ellipsis(size_t pos) {
  size_t end = pos + 1;
  int dots = 1;
  while (end + 1 < t_.size() && t_[end] == ' ' && t_[end + 1] == '.') {
    end += 2;
    ++dots;
  }
  const bool attached = pos > 0 && !is_space(at(before(pos))) && pos != token_start_;
  size_t after = end;
  size_t length;
  while (after < t_.size() && is_quote(at(after, &length))) after += length;  // ". . .”"
  const size_t next = skip_spaces(after);
  const bool at_end = next >= t_.size() || is_line_end(at(next));
  const bool capital_next = !at_end && !is_lower(at(next));
  if (!has_word_) return end;  // an ellipsis opening a sentence
  if (attached && dots >= 4 && capital_next) {
    cut(pos + 1);
    return pos + 1;  // the rest is scanned again as the opening of the next sentence
  }
  if (dots >= 4 && (capital_next || at_end)) cut(after);
  return end;
}

size_t Splitter::on_stop(size_t pos) {
  size_t length;
  const char32_t first = at(pos, &length);
  if (pos < protected_until_) return pos + length;
  // "[...]" and "(...)" mark an omission inside a quotation.
  if (first == '.' && pos > 0 && (t_[pos - 1] == '[' || t_[pos - 1] == '(')) {
    size_t end = pos;
    while (end < t_.size() && t_[end] == '.') ++end;
    if (end < t_.size() && (t_[end] == ']' || t_[end] == ')')) return end + 1;
  }
  if (first == '.' && t_.substr(pos, 5) == ". . ." && t_.substr(pos + 5, 1) != ".") {
    return on_spaced_ellipsis(pos);
  }

  // The run of stops and closing marks: "?!", "...", ".»", ".\")", "? »" (French spacing).
  int dots = 0;
  bool strong = false, ellipsis = false, cjk = false, closed = false;
  size_t end = pos;
  while (end < t_.size()) {
    size_t len;
    const char32_t cp = at(end, &len);
    const Stop kind = stop_at(end, cp);
    if (kind != Stop::kNone) {
      dots += kind == Stop::kDot;
      strong |= kind == Stop::kStrong;
      ellipsis |= kind == Stop::kEllipsis;
      cjk |= kind == Stop::kCjk;
      end += len;
    } else if (cp == '[' && end > pos) {
      // A footnote call after the stop belongs to the sentence: "… at large.[7][8] This …".
      size_t q = end + 1;
      while (q < t_.size() && q < end + 4 && t_[q] >= '0' && t_[q] <= '9') ++q;
      if (q == end + 1 || q >= t_.size() || t_[q] != ']') break;
      end = q + 1;
    } else if (is_closing_bracket(cp)) {
      if (cp == 0x300B && book_title_depth_ > 0) --book_title_depth_;
      end += len;
      closed = true;
    } else if (is_quote(cp)) {
      if (end + len < t_.size() && is_word_char(at(end + len))) break;
      end += len;
      closed = true;
    } else if (is_space(cp) && !is_line_end(cp)) {
      const size_t next = skip_spaces(end);
      if (next >= t_.size() || (at(next) != 0xBB && at(next) != 0x203A)) break;
      end = next;
    } else {
      break;
    }
  }
  ellipsis |= dots >= 2;
  if (cjk) {
    if (book_title_depth_ == 0) cut(end);
    return end;
  }

  const size_t next = skip_spaces(end);
  if (next >= t_.size() || is_line_end(at(next))) {
    cut(end);
    return end;
  }
  if (next == end) {  // no space after the stop
    if (!is_letter(at(next)) || !has_word_) return end;
    bool glued = false;
    if (strong || ellipsis) {
      size_t len;
      glued = is_upper(at(next, &len)) && next + len < t_.size() && is_lower(at(next + len));
    } else {
      glued = glued_sentence_start(pos, next);
    }
    if (glued) {
      cut(end);
      token_start_ = end;
      url_token_ = false;
    }
    return end;
  }

  // What follows the spaces: dashes are skipped ("-- voila! -- you have cake").
  size_t word = next;
  while (word < t_.size()) {
    size_t len;
    const char32_t cp = at(word, &len);
    if (!is_dash(cp) && !(is_space(cp) && !is_line_end(cp))) break;
    word += len;
  }
  if (word >= t_.size()) {
    cut(end);
    return end;
  }
  const char32_t after = at(word);
  if (!has_word_ || after == ',' || after == ';' || after == ':') return end;
  if (strong || ellipsis || dots != 1) {
    // A lowercase word continues the sentence after "...", a quotation ("'Well?' thought
    // Alice"), an aside between dashes or a capitalised name ("Yahoo! in"); web text otherwise
    // often starts sentences in lowercase ("where did you grow up? india?").
    if (is_lower(after) && (!words_.lowercase_starts || ellipsis || closed || word != next ||
                            is_upper(at(token_start_)))) {
      return end;
    }
    cut(end);
    return end;
  }
  switch (word_before_dot(pos)) {
    case Before::kTitle:
      return end;
    case Before::kAbbreviation:
      if (!is_lower(after) && starts_with_starter(word)) cut(end);
      return end;
    case Before::kEnder:
      if (!is_lower(after)) cut(end);
      return end;
    case Before::kWord:
      if (!is_lower(after)) cut(end);
      return end;
    case Before::kPlainWord:
      // "… were shrunk. you should get …": a plain word then a lowercase one, in web text.
      if (!is_lower(after) || (words_.lowercase_starts && !closed && word == next)) cut(end);
      return end;
  }
  return end;
}

// At the start of each token: bullets ("• item • item") and inline numbered lists
// ("1) The first item 2) The second item") start sentences.
void Splitter::on_token_start(size_t pos) {
  size_t length;
  size_t p = pos;
  const char32_t cp = at(p, &length);
  if (is_bullet(cp)) {
    if (has_word_) cut(pos);
    p += length;
  }
  url_token_ = t_.substr(p, 4) == "www.";
  // A list marker: one or two digits or one lowercase ASCII letter, then "." or ")" or ".)",
  // then a space.
  int kind = 0, value = 0;
  size_t q = p;
  while (q < t_.size() && q < p + 2 && t_[q] >= '0' && t_[q] <= '9') value = value * 10 + (t_[q++] - '0');
  if (q > p) {
    kind = 1;
  } else if (q < t_.size() && t_[q] >= 'a' && t_[q] <= 'z') {
    kind = 2;
    value = t_[q++] - 'a' + 1;
  }
  if (kind == 0 || q >= t_.size() || (t_[q] != '.' && t_[q] != ')')) return;
  if (t_[q] == '.' && q + 1 < t_.size() && t_[q + 1] == ')') ++q;
  ++q;
  if (q >= t_.size() || t_[q] != ' ') return;
  if (has_word_) {
    // Mid-sentence, only the next marker of the list seen so far starts a new item.
    if (kind != marker_kind_ || value != marker_value_ + 1) return;
    if (q + 1 >= t_.size() || is_lower(at(q + 1))) return;
    cut(pos);
  }
  marker_kind_ = kind;
  marker_value_ = value;
  protected_until_ = q;
}

std::vector<Span> Splitter::run() {
  const size_t n = t_.size();
  cuts_.push_back(0);
  bool token_boundary = true;
  for (size_t pos = 0; pos < n;) {
    size_t length;
    const char32_t cp = at(pos, &length);
    if (is_space(cp)) {
      if (!token_boundary) {
        prev_token_start_ = token_start_;
        prev_token_end_ = pos;
      }
      if (is_line_end(cp)) {
        cut(pos + length);
        book_title_depth_ = 0;
      }
      pos += length;
      token_start_ = pos;
      url_token_ = false;
      token_boundary = true;
      continue;
    }
    if (token_boundary) {
      token_boundary = false;
      on_token_start(pos);
    }
    if (stop_at(pos, cp) != Stop::kNone) {
      const size_t next = on_stop(pos);
      if (next > pos) {
        pos = next;
        continue;
      }
    }
    if (is_word_char(cp)) has_word_ = true;
    if (cp == '@' || (cp == ':' && t_.substr(pos + 1, 2) == "//")) url_token_ = true;
    if (cp == 0x300A) ++book_title_depth_;  // 《
    if (cp == 0x300B && book_title_depth_ > 0) --book_title_depth_;
    pos += length;
  }
  cuts_.push_back(n);

  // Sentences are the pieces between cuts, trimmed of spaces; empty pieces vanish.
  std::vector<Span> spans;
  for (size_t i = 0; i + 1 < cuts_.size(); ++i) {
    size_t begin = cuts_[i];
    size_t end = cuts_[i + 1];
    if (!spans.empty() && begin < spans.back().end) begin = spans.back().end;
    while (begin < end) {
      size_t length;
      if (!is_space(at(begin, &length))) break;
      begin += length;
    }
    while (end > begin) {
      const size_t start = before(end);
      if (!is_space(at(start))) break;
      end = start;
    }
    if (end > begin) spans.push_back({begin, end});
  }
  return spans;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text, std::string_view lang) {
  return Splitter(text, lang).run();
}

}  // namespace precis
