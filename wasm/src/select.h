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
// length budget is met. Scores are first rescaled to [0, 1] within the document (min-max), so
// the trade-off means the same whatever the scorer's scale. Similarity is embedding cosine when
// `embeddings` is non-null, else TF-IDF cosine. Length (options.h): a sentence count or ratio
// takes that many; a word budget adds the best sentence that still fits, skipping longer ones,
// until none fits. A sentence that opens with an anaphor (coherence.h) while the sentence before it
// is not taken loses `dangling_penalty` (on the same [0, 1] scale) until that one is taken: a
// summary should not hand the reader a "he" or a "however" with nothing before it. Always at least
// one sentence when the text has any. Returns sentence indices
// in original order. Cost at most O(n * k) similarity evaluations for k chosen sentences (lazy
// greedy, usually far fewer); their count goes to `similarity_evaluations` when non-null.
std::vector<size_t> select_sentences(const Document& doc, const std::vector<float>& scores,
                                     const TfIdf& tfidf, const Embeddings* embeddings,
                                     const Length& length, double redundancy, double dangling_penalty,
                                     size_t* similarity_evaluations = nullptr);

// How many of `chosen` (sorted indices) open with an anaphor while the sentence before them is
// not chosen: what the reader of the summary meets without its referent.
size_t count_dangling_openers(const Document& doc, const std::vector<size_t>& chosen);

}  // namespace precis
