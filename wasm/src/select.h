// Final stage: choose the summary's sentences under a length budget, avoiding repetition.
#pragma once
#include <cstddef>
#include <vector>

#include "document.h"
#include "embeddings.h"
#include "lexical.h"
#include "options.h"

namespace precis {

// Greedy maximal marginal relevance: repeatedly takes the sentence maximising
// (1 - redundancy) * score - redundancy * max similarity to what is already taken, until the
// length budget is met. Similarity is embedding cosine when `embeddings` is non-null, else TF-IDF
// cosine. Returns sentence indices in original order. Cost O(n * k) for k chosen sentences.
std::vector<size_t> select_sentences(const Document& doc, const std::vector<float>& scores,
                                     const TfIdf& tfidf, const Embeddings* embeddings,
                                     const Length& length, double redundancy);

}  // namespace precis
