#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "centrality.h"

using namespace precis;

namespace {

std::vector<std::vector<std::string>> words_of(const std::vector<std::string>& sentences) {
  std::vector<std::vector<std::string>> words;
  for (const auto& s : sentences) words.push_back(word_tokens(s));
  return words;
}

size_t edge_count(const SimilarityGraph& g) {
  size_t total = 0;
  for (const auto& e : g.edges) total += e.size();
  return total;
}

}  // namespace

TEST_CASE("centrality: the sentence that shares most with the others ranks first") {
  const TfIdf t = tfidf_vectors(words_of({
                                    "Storm hits coast.",
                                    "The storm brought floods and wind to the coast towns.",
                                    "Floods closed roads.",
                                    "Wind damaged towns.",
                                    "A cat was found asleep.",
                                }),
                                {}, "en");
  const SimilarityGraph g = lexical_graph(t.sentences);
  const std::vector<float> c = graph_centrality(g);
  REQUIRE(c.size() == 5);
  CHECK(c[1] == doctest::Approx(1.0f));
  for (size_t i = 0; i < 5; ++i) CHECK(c[i] <= c[1]);
  CHECK(c[4] < c[0]);   // unrelated sentence: only the random jump reaches it
  CHECK(g.edges[4].empty());
}

TEST_CASE("centrality: symmetric graph, edges both ways with the cosine as weight") {
  const TfIdf t = tfidf_vectors(words_of({"red apple", "red car", "blue sea"}), {}, "en");
  const SimilarityGraph g = lexical_graph(t.sentences);
  REQUIRE(g.edges[0].size() == 1);
  REQUIRE(g.edges[1].size() == 1);
  CHECK(g.edges[0][0].first == 1);
  CHECK(g.edges[1][0].first == 0);
  CHECK(g.edges[0][0].second == doctest::Approx(cosine(t.sentences[0], t.sentences[1])));
  CHECK(g.comparisons == 3);   // tiny document: every pair once
}

TEST_CASE("centrality: uniform when every sentence is alike, empty for no sentences") {
  const TfIdf t = tfidf_vectors(words_of({"same words", "same words", "same words"}), {}, "en");
  for (float v : graph_centrality(lexical_graph(t.sentences))) CHECK(v == doctest::Approx(1.0f));
  CHECK(graph_centrality(SimilarityGraph{}).empty());
}

TEST_CASE("lexical graph work grows linearly with the number of sentences") {
  // Synthetic text: each sentence has a few common words and a few rare ones, like real prose.
  const auto comparisons_for = [](size_t n) {
    std::vector<std::vector<std::string>> words;
    for (size_t i = 0; i < n; ++i)
      words.push_back({"common" + std::to_string(i % 7), "often" + std::to_string(i % 3),
                       "rare" + std::to_string(i / 5), "name" + std::to_string((i * 37) % (n / 4 + 1)),
                       "unique" + std::to_string(i)});
    const TfIdf t = tfidf_vectors(words, {}, "en");
    return lexical_graph(t.sentences).comparisons;
  };
  const size_t small = comparisons_for(500);
  const size_t large = comparisons_for(5000);
  CHECK(large <= 12 * small);   // quadratic growth would be 100x
  CHECK(large <= 5000 * 40);    // bounded comparisons per sentence (2 * window + rare-term links)
}

TEST_CASE("embedding graph: window plus landmarks, linear work") {
  const auto graph_for = [](size_t n) {
    Embeddings e;
    e.dim = 2;
    for (size_t i = 0; i < n; ++i) {
      const double angle = double(i % 10) / 10.0;
      e.sentences.push_back(float(std::cos(angle)));
      e.sentences.push_back(float(std::sin(angle)));
    }
    return embedding_graph(e, 3, 4);
  };
  const SimilarityGraph tiny = graph_for(5);
  CHECK(tiny.comparisons == 10);   // every pair once when the window covers everything
  CHECK(edge_count(tiny) == 20);
  const SimilarityGraph big = graph_for(4000);
  CHECK(big.comparisons <= 4000 * (3 + 4));
  CHECK(big.comparisons >= 4000 * 3 - 10);
  const std::vector<float> c = graph_centrality(big);
  CHECK(c.size() == 4000);
  CHECK(*std::max_element(c.begin(), c.end()) == doctest::Approx(1.0f));
}
