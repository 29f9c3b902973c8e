#include "centrality.h"

#include <algorithm>
#include <cmath>

namespace precis {
namespace {

// Adds the edge both ways when the similarity is positive.
void add_edge(SimilarityGraph& graph, size_t i, size_t j, float weight) {
  if (weight <= 0) return;
  graph.edges[i].emplace_back(uint32_t(j), weight);
  graph.edges[j].emplace_back(uint32_t(i), weight);
}

void sort_unique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

SimilarityGraph lexical_graph(const std::vector<SparseVector>& vectors, size_t window,
                              size_t max_postings) {
  const size_t n = vectors.size();
  SimilarityGraph graph;
  graph.edges.resize(n);

  // Inverted index: term -> sentences holding it, in increasing order.
  std::vector<std::vector<uint32_t>> postings;
  for (size_t i = 0; i < n; ++i)
    for (const auto& entry : vectors[i].entries) {
      if (entry.first >= postings.size()) postings.resize(entry.first + 1);
      postings[entry.first].push_back(uint32_t(i));
    }

  std::vector<std::vector<uint32_t>> candidates(n);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n && j <= i + window; ++j) candidates[i].push_back(uint32_t(j));
  for (const auto& list : postings) {
    if (list.size() < 2 || list.size() > max_postings) continue;
    for (size_t a = 0; a < list.size(); ++a)
      for (size_t b = a + 1; b < list.size(); ++b) candidates[list[a]].push_back(list[b]);
  }

  for (size_t i = 0; i < n; ++i) {
    sort_unique(candidates[i]);
    for (uint32_t j : candidates[i]) {
      ++graph.comparisons;
      add_edge(graph, i, j, cosine(vectors[i], vectors[j]));
    }
  }
  return graph;
}

SimilarityGraph embedding_graph(const Embeddings& embeddings, size_t window, size_t landmarks) {
  const size_t n = embeddings.count();
  SimilarityGraph graph;
  graph.edges.resize(n);
  const auto compare = [&](size_t i, size_t j) {
    ++graph.comparisons;
    const float* a = embeddings.row(i);
    const float* b = embeddings.row(j);
    float dot = 0;
    for (size_t d = 0; d < embeddings.dim; ++d) dot += a[d] * b[d];
    add_edge(graph, i, j, dot);
  };
  // Landmarks: evenly spaced sentences compared with every sentence, linking distant parts.
  std::vector<uint32_t> marks;
  for (size_t k = 0; k < landmarks && n > 0; ++k) marks.push_back(uint32_t(k * n / landmarks));
  sort_unique(marks);
  std::vector<bool> is_mark(n, false);
  for (uint32_t m : marks) is_mark[m] = true;

  // Each pair (i, j), i < j, is evaluated once, from i: every later sentence when i is a
  // landmark, else the window and the later landmarks beyond it.
  for (size_t i = 0; i < n; ++i) {
    if (is_mark[i]) {
      for (size_t j = i + 1; j < n; ++j) compare(i, j);
      continue;
    }
    for (size_t j = i + 1; j < n && j <= i + window; ++j) compare(i, j);
    for (uint32_t m : marks)
      if (m > i + window) compare(i, m);
  }
  return graph;
}

std::vector<float> graph_centrality(const SimilarityGraph& graph, double damping, int max_iterations) {
  const size_t n = graph.edges.size();
  if (n == 0) return {};
  std::vector<double> degree(n, 0);
  for (size_t i = 0; i < n; ++i)
    for (const auto& e : graph.edges[i]) degree[i] += e.second;

  std::vector<double> p(n, 1.0 / n), next(n);
  for (int it = 0; it < max_iterations; ++it) {
    // Sentences with no edge spread their weight evenly, like a jump.
    double dangling = 0;
    for (size_t i = 0; i < n; ++i)
      if (degree[i] <= 0) dangling += p[i];
    const double base = damping / n + (1 - damping) * dangling / n;
    for (size_t i = 0; i < n; ++i) {
      double in = 0;
      for (const auto& e : graph.edges[i]) in += e.second / degree[e.first] * p[e.first];
      next[i] = base + (1 - damping) * in;
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) change += std::fabs(next[i] - p[i]);
    p.swap(next);
    if (change < 1e-7) break;
  }
  const double top = *std::max_element(p.begin(), p.end());
  std::vector<float> result(n);
  for (size_t i = 0; i < n; ++i) result[i] = float(p[i] / top);
  return result;
}

}  // namespace precis
