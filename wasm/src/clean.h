// Stage 1: turn pasted text into clean text, remembering where every clean byte came from.
//
//   CleanText c = clean(pasted);
//   c.text                      // valid UTF-8, '\n' line ends, single spaces, junk lines removed
//   c.to_original(i)            // byte i of c.text -> byte offset in `pasted`
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

// Maps byte offsets of the clean text back to the original input. Anchors are (clean, original)
// pairs at every point where the two texts stop moving in lockstep; between anchors the offset
// difference is constant.
class OffsetMap {
 public:
  void add(size_t clean_pos, size_t original_pos);   // anchors must be added in increasing order
  size_t to_original(size_t clean_pos) const;
 private:
  std::vector<std::pair<size_t, size_t>> anchors_;
};

struct CleanText {
  std::string text;                 // valid UTF-8; paragraphs separated by '\n'
  OffsetMap map;
  std::vector<Removal> removed;
  int invalid_bytes = 0;            // malformed UTF-8 bytes that were replaced by U+FFFD
  size_t to_original(size_t clean_pos) const { return map.to_original(clean_pos); }
};

// Cleans pasted text: repairs UTF-8, normalises line ends and odd spaces, removes scraping junk
// conservatively (a real sentence is never dropped). Never fails; empty input gives empty text.
CleanText clean(std::string_view input);

}  // namespace precis
