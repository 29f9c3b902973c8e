// Stage 2: split clean text into sentences.
//
//   for (Span s : split_sentences(text, "fr")) std::string_view(text).substr(s.begin, s.size());
#pragma once
#include <string_view>
#include <vector>

#include "span.h"

namespace precis {

// Sentences of `text` (clean text: valid UTF-8, '\n' line ends) as byte spans into it, in order,
// trimmed of surrounding spaces, never empty, never overlapping. A line break ends a sentence
// (headings and list items have no final stop). `lang` is an ISO 639-1 code choosing the
// abbreviation list ("en", "fr", ...); an unknown code uses the union of all lists.
std::vector<Span> split_sentences(std::string_view text, std::string_view lang);

}  // namespace precis
