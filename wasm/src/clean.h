// Stage 1: turn pasted text into clean text, remembering where every clean byte came from.
//
//   CleanText c = clean(pasted);
//   c.text                      // valid UTF-8, '\n' line ends, single spaces, junk lines removed
//   c.to_original(i)            // byte i of c.text -> byte offset in `pasted`
//   c.to_original(Span{b, e})   // a clean span (a sentence) -> its span in `pasted`
//   c.removed                   // what was dropped and why (the page shows it on demand)
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "span.h"

namespace precis {

// Something cleaning removed from the input: "[ad_1]", "Source link", a share line, a bare URL...
struct Removal {
  std::string text;     // the removed text, as it was (repaired to valid UTF-8)
  std::string reason;   // short machine-friendly tag: "ad-marker", "source-link", "share", "url", ...
  Span original;        // bytes in the original input
};

// Maps byte offsets of the clean text back to the original input. Cleaning emits the clean text
// piece by piece; each piece is either copied byte for byte from the original (offsets move in
// lockstep) or a replacement (a space for an NBSP, U+FFFD for a bad byte, '\n' for "\r\n"), whose
// clean bytes all map to the start of what it replaced. Skipped input (junk, extra spaces) lies
// between pieces. Both mappings are monotone.
class OffsetMap {
 public:
  // Records that clean bytes [clean_begin, clean_end) came from original [original_begin,
  // original_end). Calls come in increasing order; consecutive copied runs merge into one piece.
  void add(size_t clean_begin, size_t clean_end, size_t original_begin, size_t original_end);
  // Original offset of the character that clean byte `clean_pos` belongs to (the original end of
  // the text for clean_pos at or past the end).
  size_t to_original(size_t clean_pos) const;
  // Original offset just past the character that ends at clean offset `clean_end` (exclusive end):
  // use it for span ends so that junk skipped after a sentence stays out of its original span.
  size_t to_original_end(size_t clean_end) const;
 private:
  struct Piece { size_t clean_begin, clean_end, original_begin, original_end; };
  std::vector<Piece> pieces_;
};

struct CleanText {
  std::string text;                 // valid UTF-8; paragraphs separated by '\n'
  OffsetMap map;
  std::vector<Removal> removed;
  int invalid_bytes = 0;            // malformed UTF-8 bytes in the input (each became U+FFFD)
  size_t to_original(size_t clean_pos) const { return map.to_original(clean_pos); }
  // A span of the clean text as a span of the original input.
  Span to_original(Span clean_span) const {
    if (clean_span.end <= clean_span.begin) {
      const size_t at = map.to_original(clean_span.begin);
      return {at, at};
    }
    return {map.to_original(clean_span.begin), map.to_original_end(clean_span.end)};
  }
};

// Cleans pasted text: repairs UTF-8, normalises line ends and odd spaces, removes scraping junk
// conservatively (a real sentence is never dropped). Never fails; empty input gives empty text.
// Output: no control characters, single spaces, no spaces at line ends, one '\n' between non-empty
// lines (a blank-line run counts as one break), no leading or trailing whitespace.
CleanText clean(std::string_view input);

}  // namespace precis
