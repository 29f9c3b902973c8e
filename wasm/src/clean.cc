// Cleaning in two linear passes over the input: (1) split into lines, build each line's matching
// key and find junk in it (junk.cc), giving removal spans in original bytes; (2) walk the input
// again, skip the removals, normalise characters and whitespace, and record for every emitted
// piece where it came from (OffsetMap).
#include "clean.h"

#include <algorithm>
#include <cstdint>

#include "junk.h"
#include "utf8.h"

namespace precis {

// ---- OffsetMap ----------------------------------------------------------------------------------

void OffsetMap::add(size_t clean_begin, size_t clean_end, size_t original_begin,
                    size_t original_end) {
  const bool copied = clean_end - clean_begin == original_end - original_begin;
  if (copied && !pieces_.empty()) {
    Piece& last = pieces_.back();
    const bool last_copied =
        last.clean_end - last.clean_begin == last.original_end - last.original_begin;
    if (last_copied && last.clean_end == clean_begin && last.original_end == original_begin) {
      last.clean_end = clean_end;
      last.original_end = original_end;
      return;
    }
  }
  pieces_.push_back({clean_begin, clean_end, original_begin, original_end});
}

size_t OffsetMap::to_original(size_t clean_pos) const {
  if (pieces_.empty()) return 0;
  if (clean_pos >= pieces_.back().clean_end) return pieces_.back().original_end;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), clean_pos,
                             [](size_t pos, const Piece& p) { return pos < p.clean_begin; });
  if (it == pieces_.begin()) return pieces_.front().original_begin;
  const Piece& p = *(it - 1);
  const bool copied = p.clean_end - p.clean_begin == p.original_end - p.original_begin;
  return copied ? p.original_begin + (clean_pos - p.clean_begin) : p.original_begin;
}

size_t OffsetMap::to_original_end(size_t clean_end) const {
  if (pieces_.empty()) return 0;
  if (clean_end == 0) return pieces_.front().original_begin;
  if (clean_end >= pieces_.back().clean_end) return pieces_.back().original_end;
  // The piece holding the last byte before clean_end.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), clean_end - 1,
                             [](size_t pos, const Piece& p) { return pos < p.clean_begin; });
  const Piece& p = *(it - 1);
  const bool copied = p.clean_end - p.clean_begin == p.original_end - p.original_begin;
  return copied ? p.original_begin + (clean_end - p.clean_begin) : p.original_end;
}

namespace {

// ---- Character classes for cleaning ---------------------------------------------------------------

enum class Kind {
  kText,    // kept as is
  kSpace,   // any space: becomes one ' ', collapsed, trimmed at line ends
  kBreak,   // line or paragraph break: becomes '\n', blank-line runs collapsed
  kDrop,    // control and invisible format characters: removed
  kJoiner,  // ZWJ / ZWNJ: kept only between two visible characters (emoji sequences, Indic, Persian)
};

Kind classify(char32_t cp) {
  if (cp > ' ' && cp < 0x7F) return Kind::kText;  // printable ASCII: most of any input
  if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
      cp == 0x2029)
    return Kind::kBreak;
  if (is_space(cp)) return Kind::kSpace;  // tab, NBSP, thin and other typographic spaces
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return Kind::kDrop;  // C0 (NUL...), DEL, C1
  if (cp == 0x200C || cp == 0x200D) return Kind::kJoiner;
  if (cp == 0xAD || cp == 0x061C || cp == 0x180E || cp == 0x200B || cp == 0x200E ||
      cp == 0x200F || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069))
    return Kind::kDrop;  // soft hyphen, zero-width space, BOM, word joiner, bidi controls
  return Kind::kText;
}

// decode_utf8 with a shortcut for ASCII.
char32_t next_char(std::string_view text, size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    ++pos;
    return byte;
  }
  return decode_utf8(text, pos);
}

// ---- Pass 1: junk, line by line -----------------------------------------------------------------

// A line as junk rules see it (see detail::find_junk), with the original offset of the character
// behind each key byte (relative to the line start, 4 bytes each: a 10 MB line stays affordable).
struct LineKey {
  size_t line_begin = 0;
  std::string key;
  std::string cased;               // key before lowercasing
  std::vector<uint32_t> offset;    // key byte -> original offset - line_begin
  bool pending_space = false;
  size_t space_at = 0;

  void reset(size_t begin) {
    line_begin = begin;
    key.clear();
    cased.clear();
    offset.clear();
    pending_space = false;
  }
  void push(char32_t cp, char32_t cased_cp, size_t original) {
    if (cp < 0x80 && cased_cp < 0x80) {  // the common case, kept cheap
      key.push_back(static_cast<char>(cp));
      cased.push_back(static_cast<char>(cased_cp));
    } else {
      append_utf8(key, cp);
      append_utf8(cased, cased_cp);
    }
    offset.resize(key.size(), static_cast<uint32_t>(original - line_begin));
  }
  void feed(char32_t cp, Kind kind, size_t original) {
    if (kind == Kind::kSpace) {
      if (!pending_space && !key.empty()) {
        pending_space = true;
        space_at = original;
      }
      return;
    }
    if (kind != Kind::kText) return;
    if (pending_space) push(' ', ' ', space_at);
    pending_space = false;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032) cp = '\'';
    push(to_lower(cp), cp, original);
  }
  size_t original(size_t key_pos) const { return line_begin + offset[key_pos]; }
};

std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) append_utf8(out, decode_utf8(text, pos));
  return out;
}

std::vector<Removal> find_removals(std::string_view input, int& invalid_bytes) {
  std::vector<Removal> removals;
  LineKey line;
  auto finish_line = [&] {
    // to_lower keeps UTF-8 lengths for the scripts it folds; if ever not, match on the key alone.
    const std::string_view cased = line.cased.size() == line.key.size() ? line.cased : line.key;
    for (const detail::JunkHit& hit : detail::find_junk(line.key, cased)) {
      size_t end = line.original(hit.end - 1);
      decode_utf8(input, end);  // past the original character behind the hit's last byte
      const Span original{line.original(hit.begin), end};
      removals.push_back({repaired(input.substr(original.begin, original.size())), hit.reason,
                          original});
    }
  };
  line.reset(0);
  for (size_t pos = 0; pos < input.size();) {
    const size_t start = pos;
    const char32_t cp = next_char(input, pos);
    if (cp == kReplacementChar && pos - start == 1) ++invalid_bytes;
    const Kind kind = classify(cp);
    if (kind == Kind::kBreak) {
      finish_line();
      line.reset(pos);
    } else {
      line.feed(cp, kind, start);
    }
  }
  finish_line();
  return removals;
}

// ---- Pass 2: emit -------------------------------------------------------------------------------

class Emitter {
 public:
  explicit Emitter(CleanText& out) : out_(out) {}

  void text(char32_t cp, size_t original_begin, size_t original_end) {
    if (pending_break_) {
      put('\n', break_begin_, break_end_);
      pending_break_ = false;
    }
    // "see https://x.org/." loses the URL: no space is left before the full stop.
    const bool closes = cp == '.' || cp == ',' || cp == ')' || cp == ']';
    if (pending_space_ && !(after_junk_ && closes)) put(' ', space_begin_, space_end_);
    pending_space_ = false;
    after_junk_ = false;
    put(cp, original_begin, original_end);
    line_has_text_ = true;
  }
  void junk(size_t original_begin, size_t original_end) {
    space(original_begin, original_end);
    after_junk_ = true;
  }
  // A space; skipped junk (junk()) separates what surrounds it like a space too.
  void space(size_t original_begin, size_t original_end) {
    if (!line_has_text_ || pending_space_) return;
    pending_space_ = true;
    space_begin_ = original_begin;
    space_end_ = original_end;
  }
  void line_break(size_t original_begin, size_t original_end) {
    pending_space_ = false;  // no spaces at line ends
    after_junk_ = false;
    if (!line_has_text_) return;  // blank lines collapse into the first break
    line_has_text_ = false;
    pending_break_ = !out_.text.empty();
    break_begin_ = original_begin;
    break_end_ = original_end;
  }
  // A joiner is kept only right after visible text on the same line.
  bool joiner_allowed() const { return line_has_text_ && !pending_space_; }

 private:
  void put(char32_t cp, size_t original_begin, size_t original_end) {
    const size_t clean_begin = out_.text.size();
    if (cp < 0x80) out_.text.push_back(static_cast<char>(cp));
    else append_utf8(out_.text, cp);
    out_.map.add(clean_begin, out_.text.size(), original_begin, original_end);
  }

  CleanText& out_;
  bool line_has_text_ = false;
  bool pending_space_ = false, pending_break_ = false, after_junk_ = false;
  size_t space_begin_ = 0, space_end_ = 0, break_begin_ = 0, break_end_ = 0;
};

}  // namespace

CleanText clean(std::string_view input) {
  CleanText result;
  result.removed = find_removals(input, result.invalid_bytes);
  result.text.reserve(input.size());
  Emitter emit(result);
  size_t next_removal = 0;
  const auto removal_starts_at = [&](size_t pos) {
    return next_removal < result.removed.size() &&
           pos >= result.removed[next_removal].original.begin;
  };
  for (size_t pos = 0; pos < input.size();) {
    if (removal_starts_at(pos)) {
      const Span junk = result.removed[next_removal++].original;
      emit.junk(junk.begin, junk.end);
      pos = std::max(pos, junk.end);
      continue;
    }
    const size_t start = pos;
    const char32_t cp = next_char(input, pos);
    switch (classify(cp)) {
      case Kind::kText:
        emit.text(cp, start, pos);
        break;
      case Kind::kSpace:
        emit.space(start, pos);
        break;
      case Kind::kBreak:
        emit.line_break(start, pos);
        break;
      case Kind::kJoiner: {
        size_t after = pos;
        const bool text_follows = pos < input.size() && !removal_starts_at(pos) &&
                                  classify(decode_utf8(input, after)) == Kind::kText;
        if (emit.joiner_allowed() && text_follows) emit.text(cp, start, pos);
        break;
      }
      case Kind::kDrop:
        break;
    }
  }
  return result;
}

}  // namespace precis
