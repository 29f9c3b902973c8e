// Scraping junk in one line of pasted text: ad markers, "Source link", "Read more" and share lines,
// bare URLs, photo credits. Internal to clean.cc; the phrase tables live in junk.cc.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace precis::detail {

struct JunkHit {
  size_t begin = 0;            // byte range in the line key
  size_t end = 0;
  const char* reason = "";     // tag reported in Removal::reason
};

// Finds junk in a line given as its key: the line trimmed, lowercased (to_lower), spaces collapsed
// to one ' ', curly apostrophes straightened, invisible characters left out; `cased` is the same
// key without lowercasing (same length; where it is not, pass `key` again). Returns hits sorted and
// non-overlapping. Conservative: a hit never covers a sentence of the article.
std::vector<JunkHit> find_junk(std::string_view key, std::string_view cased);

}  // namespace precis::detail
