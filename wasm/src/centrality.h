// Sentence centrality (LexRank-style): how much a sentence resembles the rest of the document.
//
//   SimilarityGraph g = lexical_graph(tfidf.sentences);
//   std::vector<float> c = graph_centrality(g);   // one value per sentence, the largest is 1
//
// The graphs are sparse on purpose: comparing every pair of sentences is quadratic, and a
// 100,000-word paste has ~5,000 sentences (12.5 million pairs). Each builder compares a sentence
// with a bounded number of others, so building costs O(n) comparisons for n sentences.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "embeddings.h"
#include "lexical.h"

namespace precis {

struct SimilarityGraph {
  std::vector<std::vector<std::pair<uint32_t, float>>> edges;  // symmetric; weight = cosine > 0
  size_t comparisons = 0;   // similarity evaluations made to build it (the cost, for tests)
};

// Lexical graph. Each sentence is compared with
//  - its `window` neighbours on each side (documents of up to 2 * window + 1 sentences get the
//    full graph), and
//  - every other sentence sharing a rare term, i.e. a term found in at most `max_postings`
//    sentences. Frequent terms are skipped: they link everything to everything and would make the
//    inverted index quadratic. This bounds comparisons by n * 2 * window + max_postings * postings.
SimilarityGraph lexical_graph(const std::vector<SparseVector>& vectors, size_t window = 15,
                              size_t max_postings = 32);

// Embedding graph. Dense vectors have no inverted index, so each sentence is compared with its
// `window` neighbours on each side plus `landmarks` sentences spread evenly over the document:
// O(n * (2 * window + landmarks)) comparisons.
SimilarityGraph embedding_graph(const Embeddings& embeddings, size_t window = 15,
                                size_t landmarks = 16);

// Stationary distribution of a random walk on the graph that follows edges in proportion to
// their weight and jumps anywhere with probability `damping` (LexRank's continuous variant,
// computed by power iteration). Scaled so the most central sentence has 1; all 0 if n == 0.
// Cost O(iterations * edges).
std::vector<float> graph_centrality(const SimilarityGraph& graph, double damping = 0.15,
                                    int max_iterations = 50);

}  // namespace precis
