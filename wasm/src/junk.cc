// Junk rules and their phrase tables. Every rule is anchored (whole line, line start, line end
// after a sentence end, brackets) and capped in length: junk is short, and a sentence of the
// article that happens to start like junk is long or lacks the separator a junk label has.
// The caps were checked by running the cleaner over the first 200 articles of orangesum-dev and
// bbc-dev and reading every removal (scripts/clean-review; counts in tests/fixtures/fr-belarus-convoy/README.md).
#include "junk.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "utf8.h"

namespace precis::detail {
namespace {

using std::string_view;

// ---- Phrase tables: lowercase, compared with the line key -------------------------------------

// Lines that are nothing but an advertising label (decoration like "-", "»", ":" stripped).
constexpr string_view kAdvertisementLines[] = {
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
    "sponsored content", "paid content", "paid post", "advertorial", "publicité", "publicite", "pub",
    "contenu sponsorisé", "anzeige", "werbung", "publicidad", "anuncio", "pubblicità", "publicidade",
    "advertentie", "story continues below advertisement", "story continues below",
    "article continues below", "continue reading below", "continue reading the main story",
    "scroll to continue with content", "la suite après cette publicité",
    "la suite après la publicité", "la suite sous cette publicité"};

// Starts of "read this other article" lines: junk when alone on the line or followed by a
// separator (":", "-", "»"...) and a headline. "Read more books" has no separator and stays.
constexpr string_view kReadMorePhrases[] = {
    "read more", "read also", "also read", "see also", "related", "related articles",
    "related stories", "related content", "more on this story", "lire aussi", "lire la suite",
    "à lire aussi", "a lire aussi", "à lire également", "a lire également", "à lire", "a lire",
    "voir aussi", "à voir aussi", "a voir aussi", "sur le même sujet", "weiterlesen",
    "mehr zum thema", "lesen sie auch", "auch interessant", "leer más", "lee también",
    "lea también", "leggi anche", "leggi tutto", "leia também", "leia mais", "saiba mais",
    "lees ook", "lees meer", "meer lezen"};

// Words of a share bar ("Share Facebook Twitter Email"): a short line made only of these.
constexpr string_view kShareWords[] = {
    "share", "share this", "share this article", "share this story", "share this page",
    "share on facebook", "share on twitter", "share via email", "partager", "partager l'article",
    "partager cet article", "partager sur facebook", "partager sur twitter", "partagez",
    "partagez cet article", "tweet", "tweeter", "email", "e-mail", "mail", "print", "imprimer",
    "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram",
    "messenger", "flipboard", "copy link", "copier le lien", "comments", "commentaires", "teilen",
    "compartir", "condividi", "compartilhar", "delen", "save", "sauvegarder"};

// Starts of share, follow and newsletter prompts; only short lines qualify (kMaxPrompt*).
constexpr string_view kPromptStarts[] = {
    "share this", "share on", "share via", "partager cet", "partager sur", "partagez cet",
    "partagez sur", "subscribe to", "subscribe now", "subscribe for", "sign up for", "sign up to",
    "sign up now", "get our newsletter", "newsletter:", "newsletter :", "abonnez-vous",
    "inscrivez-vous", "s'abonner", "je m'abonne", "recevez notre newsletter", "follow us",
    "suivez-nous", "suivez nous", "click here", "cliquez ici", "download our app",
    "téléchargez l'application", "abonnieren sie", "folgen sie uns", "suscríbete", "síguenos",
    "iscriviti", "seguici", "siga-nos", "volg ons", "abonneer"};

// Cookie banners: the line starts like this and mentions cookies, or is only a banner button.
constexpr string_view kCookieStarts[] = {
    "we use cookies", "this site uses cookies", "this website uses cookies",
    "our site uses cookies", "our website uses cookies", "by continuing to", "by using this",
    "accept cookies", "accept all cookies", "cookie policy", "cookie settings", "manage cookies",
    "nous utilisons des cookies", "ce site utilise des cookies", "en poursuivant votre navigation",
    "accepter les cookies", "wir verwenden cookies", "diese website verwendet cookies",
    "utilizamos cookies", "este sitio utiliza cookies", "usamos cookies", "utilizziamo i cookie",
    "questo sito utilizza", "wij gebruiken cookies", "deze website gebruikt cookies"};
constexpr string_view kCookieButtons[] = {"accept all", "reject all", "accept cookies",
                                           "accept all cookies", "tout accepter", "tout refuser",
                                           "accepter et fermer", "alle akzeptieren"};

// Photo credit labels: at the start of a line, or after a sentence end at the end of a line
// (OrangeSum glues captions to the text: "...au vent.Photo : Jeep J6").
constexpr string_view kCreditStarts[] = {
    "photo :", "photo:", "photos :", "photos:", "photo credit", "photo credits", "photograph:",
    "photograph :", "crédit :", "crédit:", "crédits :", "crédits:", "crédit photo",
    "crédits photo", "crédit image", "crédits image", "crédit images", "crédits images",
    "crédit illustration", "credit:", "credit :", "credits:", "image credit", "image:", "image :",
    "picture:", "illustration :", "foto:", "foto :", "fotos:", "bildquelle", "©"};
// More starts, inside parentheses only: "(Photo by X/Getty Images)", "(photo d'illustration)".
constexpr string_view kParenCreditStarts[] = {
    "photo by ", "photos by ", "image by ", "picture by ", "photo d'illustration", "illustration)",
    "photo afp", "afp photo", "photo ap", "photo reuters", "photo/", "photo /"};
// Caption labels of scraped news pages ("Image caption ...", "Image source, Getty Images").
constexpr string_view kCaptionStarts[] = {"image source", "image caption", "media caption",
                                          "photo caption", "légende photo"};
// Credit lines ending with an agency: "REUTERS/Kevin Lamarque", "John Smith/AFP".
constexpr string_view kAgencies[] = {
    "getty images", "getty", "afp", "afp via getty images", "reuters", "ap", "ap photo", "epa",
    "epa-efe", "shutterstock", "rex/shutterstock", "alamy", "sipa", "maxppp", "abaca", "belga",
    "dpa", "anadolu", "anadolu agency", "xinhua", "bloomberg", "pa", "pa wire", "pa images", "istock",
    "efe", "ansa", "afp/archives", "afp/archive"};
// Names inside bracketed ad markers: [ad_1], [ad_2], [ads], [/ad], [adsense].
constexpr string_view kAdMarkerNames[] = {"advertisement", "adsbygoogle", "adsense", "advert",
                                          "adverts", "adslot", "ads", "ad", "pub", "publicité"};

// ---- Caps (bytes of the key, words) ------------------------------------------------------------
constexpr size_t kMaxReadMoreLine = 250;   // "Lire aussi : <headline>"
constexpr size_t kMaxShareBar = 120;
constexpr size_t kMaxPromptLine = 160;
constexpr size_t kMaxPromptWords = 20;
constexpr size_t kMaxCookieLine = 400;     // banners are a sentence or two
constexpr size_t kMaxCaptionLine = 300;
constexpr size_t kMaxCreditTail = 160;     // "Photo : <what is shown> - Crédit : <who>"
constexpr size_t kMaxCopyrightTail = 80;   // "© Reuters", "© photo Segnargsed"
constexpr size_t kMaxAgencyLine = 80;
constexpr size_t kMaxAdMarker = 40;
constexpr size_t kMaxParenCredit = 120;
constexpr size_t kMaxSourceLinkRest = 16;  // "Source link -31"

// ---- Helpers ------------------------------------------------------------------------------------

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t prev_start(string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && is_continuation(s[p])) --p;
  return p;
}

char32_t cp_at(string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return decode_utf8(s, pos);
}

char32_t cp_before(string_view s, size_t pos) { return pos == 0 ? 0 : cp_at(s, prev_start(s, pos)); }

bool word_at(string_view s, size_t pos) { return pos < s.size() && is_word_char(cp_at(s, pos)); }
bool word_before(string_view s, size_t pos) { return pos > 0 && is_word_char(cp_before(s, pos)); }

// `phrase` occurs at `pos` and does not continue into a longer word.
bool phrase_at(string_view s, size_t pos, string_view phrase) {
  if (pos > s.size() || s.size() - pos < phrase.size()) return false;
  if (s.substr(pos, phrase.size()) != phrase) return false;
  const bool ends_in_word = is_word_char(cp_before(phrase, phrase.size()));
  return !ends_in_word || !word_at(s, pos + phrase.size());
}

template <size_t N>
size_t longest_phrase_at(string_view s, size_t pos, const string_view (&table)[N]) {
  size_t best = 0;
  for (string_view phrase : table)
    if (phrase.size() > best && phrase_at(s, pos, phrase)) best = phrase.size();
  return best;
}

template <size_t N>
bool in_table(string_view s, const string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), s) != std::end(table);
}

// Bullets, arrows, dashes and punctuation that dress up junk labels ("» LIRE AUSSI :", "- Pub -").
bool is_decoration(char32_t cp) {
  switch (cp) {
    case ' ': case '-': case '*': case '|': case '>': case '<': case '#': case '=': case '~':
    case '_': case ':': case '.': case '!': case '[': case ']': case '(': case ')': case '{':
    case '}': case '/': case 0xAB: case 0xB7: case 0xBB: case 0x2013: case 0x2014: case 0x2022:
    case 0x2026: case 0x2192: case 0x25B6: case 0x25B8: case 0x25BA: case 0x27A4:
      return true;
    default:
      return false;
  }
}

size_t skip_decoration(string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t next = pos;
    if (!is_decoration(decode_utf8(s, next))) break;
    pos = next;
  }
  return pos;
}

size_t trim_decoration_end(string_view s, size_t begin, size_t end) {
  while (end > begin && is_decoration(cp_before(s, end))) end = prev_start(s, end);
  return end;
}

string_view core_of(string_view line) {
  const size_t b = skip_decoration(line, 0);
  return line.substr(b, trim_decoration_end(line, b, line.size()) - b);
}

size_t word_count(string_view s) {
  if (s.empty()) return 0;
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0xBB || cp == '"' ||
         cp == 0x201D;
}

// At the start of the line, or right after a sentence end (spaces allowed between).
bool after_sentence_end(string_view s, size_t pos) {
  while (pos > 0 && s[pos - 1] == ' ') --pos;
  return pos == 0 || is_sentence_end(cp_before(s, pos));
}

// A sentence boundary inside `s` (". X"): the text is more than a label.
bool has_inner_sentence_break(string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') return true;
  return false;
}

// ---- Whole-line rules --------------------------------------------------------------------------

bool is_advertisement_line(string_view key) { return in_table(core_of(key), kAdvertisementLines); }

bool is_read_more_line(string_view key) {
  if (key.size() > kMaxReadMoreLine) return false;
  const size_t start = skip_decoration(key, 0);
  const size_t n = longest_phrase_at(key, start, kReadMorePhrases);
  if (n == 0) return false;
  size_t rest = start + n;
  while (rest < key.size() && key[rest] == ' ') ++rest;
  if (skip_decoration(key, rest) == key.size()) return true;  // the phrase alone: "Read more »"
  const char32_t sep = cp_at(key, rest);
  return sep == ':' || sep == '-' || sep == 0x2013 || sep == 0x2014 || sep == 0xBB ||
         sep == '>' || sep == '|' || sep == 0x2026 || sep == 0x25B6 || sep == 0x25BA ||
         sep == 0x2192;
}

bool is_share_bar(string_view key) {
  if (key.size() > kMaxShareBar) return false;
  size_t pos = 0, words = 0;
  while (true) {
    while (pos < key.size() && (is_decoration(cp_at(key, pos)) || key[pos] == ',')) {
      size_t next = pos;
      decode_utf8(key, next);
      pos = next;
    }
    if (pos >= key.size()) break;
    const size_t n = longest_phrase_at(key, pos, kShareWords);
    if (n == 0) return false;
    pos += n;
    ++words;
  }
  return words > 0;
}

bool is_prompt_line(string_view key) {
  if (key.size() > kMaxPromptLine || word_count(key) > kMaxPromptWords) return false;
  return longest_phrase_at(key, skip_decoration(key, 0), kPromptStarts) > 0;
}

bool is_cookie_line(string_view key) {
  if (in_table(core_of(key), kCookieButtons)) return true;
  if (key.size() > kMaxCookieLine || key.find("cookie") == string_view::npos) return false;
  return longest_phrase_at(key, skip_decoration(key, 0), kCookieStarts) > 0;
}

bool is_url_token(string_view s) {
  return s.find(' ') == string_view::npos &&
         (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("www.", 0) == 0) &&
         s.size() > 8;
}

bool is_url_line(string_view key) { return is_url_token(core_of(key)); }

bool is_caption_line(string_view key) {
  return key.size() <= kMaxCaptionLine && longest_phrase_at(key, 0, kCaptionStarts) > 0;
}

// "REUTERS/Kevin Lamarque", "Jane Doe / AFP", "Getty Images".
bool is_agency_line(string_view key) {
  const string_view core = core_of(key);
  if (core.size() > kMaxAgencyLine || word_count(core) > 8 || has_inner_sentence_break(core))
    return false;
  if (in_table(core, kAgencies) && core.size() > 3) return true;  // "Getty Images", not "AP"
  const size_t slash = core.find('/');
  if (slash == string_view::npos) return false;
  string_view before = core.substr(0, slash), after = core.substr(slash + 1);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  return in_table(after, kAgencies) || in_table(before, kAgencies);
}

bool is_source_link_at(string_view key, size_t pos) {
  if (!phrase_at(key, pos, "source link")) return false;
  const string_view rest = key.substr(pos + 11);
  return rest.size() <= kMaxSourceLinkRest && word_count(rest) <= 3 &&
         std::none_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// ---- Inline rules ------------------------------------------------------------------------------

// "[ad_1]", "[ ads ]", "[/ad]", "[ad-3]": returns the marker's reason, or nullptr.
const char* bracket_marker(string_view inner) {
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
  if (inner == "embedded content") return "embed";
  if (!inner.empty() && inner.front() == '/') inner.remove_prefix(1);
  for (string_view name : kAdMarkerNames) {
    if (inner.substr(0, name.size()) != name) continue;
    string_view rest = inner.substr(name.size());
    if (!rest.empty() && (rest.front() == '_' || rest.front() == '-' || rest.front() == ' '))
      rest.remove_prefix(1);
    const bool digits_only =
        std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits_only) return "ad-marker";
  }
  return nullptr;
}

void find_bracket_markers(string_view key, std::vector<JunkHit>& hits) {
  for (size_t open = key.find('['); open != string_view::npos; open = key.find('[', open + 1)) {
    // Search a bounded window so that "[[[[...]" stays linear.
    const size_t close = key.substr(0, open + kMaxAdMarker + 1).find(']', open);
    if (close == string_view::npos) continue;
    const string_view inner = key.substr(open + 1, close - open - 1);
    if (inner.find('[') != string_view::npos) continue;
    if (const char* reason = bracket_marker(inner)) hits.push_back({open, close + 1, reason});
  }
}


// "(Photo by X/Getty Images)", "(Crédit : X)", "(© AFP)", "(photo d'illustration)".
void find_paren_credits(string_view key, std::vector<JunkHit>& hits) {
  for (size_t open = key.find('('); open != string_view::npos; open = key.find('(', open + 1)) {
    const size_t close = key.substr(0, open + kMaxParenCredit + 1).find(')', open);
    if (close == string_view::npos) continue;
    size_t start = open + 1;
    while (start < close && key[start] == ' ') ++start;
    if (key.substr(open + 1, close - open - 1).find('(') != string_view::npos) continue;
    if (longest_phrase_at(key, start, kCreditStarts) > 0 ||
        longest_phrase_at(key, start, kParenCreditStarts) > 0)
      hits.push_back({open, close + 1, "photo-credit"});
  }
}

// Credits and "Source link" ending the line after a sentence end. Only the line's last bytes can
// hold one (the tails are capped), so only they are scanned: linear in the line length.
void find_trailing_junk(string_view key, string_view cased, std::vector<JunkHit>& hits) {
  const size_t from = key.size() > kMaxCreditTail ? key.size() - kMaxCreditTail : 0;
  for (size_t pos = from; pos < key.size(); ++pos) {
    if (is_continuation(key[pos])) continue;
    const string_view tail = key.substr(pos);
    if (is_source_link_at(key, pos) && after_sentence_end(key, pos) && !word_before(key, pos)) {
      hits.push_back({pos, key.size(), "source-link"});
      return;
    }
    if (phrase_at(key, pos, "©")) {
      // "© Reuters", "© 2019 Fox", "© photo X" name an owner; "le logo © de la marque" does not.
      size_t owner = pos + std::string_view("©").size();
      while (owner < key.size() && key[owner] == ' ') ++owner;
      const char32_t first = cp_at(cased, owner);
      const bool names_owner = is_upper(first) || is_digit(first) ||
                               phrase_at(key, owner, "photo") || phrase_at(key, owner, "crédit") ||
                               phrase_at(key, owner, "credit") || phrase_at(key, owner, "copyright");
      const bool at_break = pos == 0 || key[pos - 1] == ' ' || after_sentence_end(key, pos);
      if (at_break && names_owner && tail.size() <= kMaxCopyrightTail && word_count(tail) <= 8 &&
          !has_inner_sentence_break(tail)) {
        hits.push_back({pos, key.size(), "photo-credit"});
        return;
      }
      continue;
    }
    if (word_before(key, pos) || !after_sentence_end(key, pos)) continue;
    if (longest_phrase_at(key, pos, kCreditStarts) > 0 && !has_inner_sentence_break(tail)) {
      hits.push_back({pos, key.size(), "photo-credit"});
      return;
    }
  }
}

}  // namespace

std::vector<JunkHit> find_junk(string_view key, string_view cased) {
  std::vector<JunkHit> hits;
  if (key.empty()) return hits;
  const char* whole_line = nullptr;
  const bool bracketed = key.size() >= 2 && key.front() == '[' && key.back() == ']';
  if (const char* marker = bracketed ? bracket_marker(key.substr(1, key.size() - 2)) : nullptr)
    whole_line = marker;  // "[ads]" alone is a marker, not the label "ads"
  else if (is_source_link_at(key, 0)) whole_line = "source-link";
  else if (is_advertisement_line(key)) whole_line = "advertisement";
  else if (is_read_more_line(key)) whole_line = "read-more";
  else if (is_share_bar(key)) whole_line = "share";
  else if (is_cookie_line(key)) whole_line = "cookie";
  else if (is_prompt_line(key)) whole_line = "subscribe";
  else if (is_url_line(key)) whole_line = "url";
  else if (is_caption_line(key)) whole_line = "caption";
  else if (is_agency_line(key)) whole_line = "photo-credit";
  if (whole_line) return {{0, key.size(), whole_line}};

  find_bracket_markers(key, hits);
  find_paren_credits(key, hits);
  find_trailing_junk(key, cased, hits);
  std::sort(hits.begin(), hits.end(), [](const JunkHit& a, const JunkHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<JunkHit> kept;
  for (const JunkHit& hit : hits)
    if (kept.empty() || hit.begin >= kept.back().end) kept.push_back(hit);
  return kept;
}

}  // namespace precis::detail
