// Sentences that lean on the one before them. "He said the deal was off." or "However, prices
// rose." shown without their predecessor leave the reader with a pronoun that refers to no one or a
// contrast with nothing; selection keeps such "dangling openers" out of a summary unless the
// sentence before is in it too (select.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// True when the sentence's first word (`words`: its lowercased word tokens, lexical.h) is an
// anaphoric pronoun, demonstrative or discourse connective of `lang` that needs the previous
// sentence to be understood. Languages: en, fr, de, es, it, pt, nl; false elsewhere (no list).
bool opens_with_anaphor(std::string_view lang, const std::vector<std::string>& words);

}  // namespace precis
