#include <doctest/doctest.h>

#include "test_support.h"

#include <algorithm>
#include <random>
#include <string>

#include "select.h"

using namespace precis;
using precis::testing::make_document;

namespace {


struct Case {
  Document doc;
  TfIdf tfidf;
  explicit Case(const std::vector<std::string>& sentences)
      : doc(make_document(sentences)), tfidf(tfidf_vectors(doc.words, {}, "en")) {}
  std::vector<size_t> select(const std::vector<float>& scores, const Length& length, double redundancy = 0) const {
    return select_sentences(doc, scores, tfidf, nullptr, length, redundancy, 0.0);
  }
};

// Six sentences of 2, 3, 4, 5, 6 and 7 words, on different topics.
const Case six({"Markets fell.", "Rain hit Paris.", "The team won again.", "Schools reopen next week today.",
                "A new phone was shown yesterday.", "Voters chose a new mayor on Sunday."});

Length sentences(int n) { Length l; l.sentences = n; return l; }
Length ratio(double r) { Length l; l.ratio = r; return l; }
Length words(int w) { Length l; l.words = w; return l; }

}  // namespace

TEST_CASE("select: sentence count takes the best, returned in original order") {
  const std::vector<float> scores = {0.1f, 0.9f, 0.2f, 0.3f, 0.8f, 0.0f};
  CHECK(six.select(scores, sentences(2)) == std::vector<size_t>{1, 4});
  CHECK(six.select(scores, sentences(3)) == std::vector<size_t>{1, 3, 4});
  CHECK(six.select(scores, sentences(10)).size() == 6);   // fewer if the text has fewer
  CHECK(six.select(scores, Length{}).size() == size_t(kDefaultSentences));
}

TEST_CASE("select: ratio of the sentences, at least one") {
  const std::vector<float> scores = {0.1f, 0.9f, 0.2f, 0.3f, 0.8f, 0.0f};
  CHECK(six.select(scores, ratio(0.5)) == std::vector<size_t>{1, 3, 4});
  CHECK(six.select(scores, ratio(0.01)) == std::vector<size_t>{1});
  CHECK(six.select(scores, ratio(1.0)).size() == 6);
  CHECK(six.select(scores, ratio(5.0)).size() == 6);
}

TEST_CASE("select: word budget adds while it fits, skipping sentences too long, at least one") {
  const std::vector<float> scores = {0.1f, 0.9f, 0.2f, 0.3f, 0.8f, 0.0f};
  // Best is 1 (3 words), then 4 (6 words): 9 words, and no sentence fits in the 1 word left.
  CHECK(six.select(scores, words(10)) == std::vector<size_t>{1, 4});
  // 1 (3) + 4 (6) = 9, then 3 (5) is too long for 12 - 9 = 3, 2 (4) too, 0 (2) fits.
  CHECK(six.select(scores, words(12)) == std::vector<size_t>{0, 1, 4});
  // Budget below every sentence: still the single best one.
  CHECK(six.select(scores, words(1)) == std::vector<size_t>{1});
  CHECK(six.select(scores, words(1000)).size() == 6);
}

TEST_CASE("select: redundancy leaves out a duplicate of a chosen sentence") {
  const Case dup({"The central bank raised interest rates by half a point.",
                  "The central bank raised interest rates by half a point.",
                  "Unemployment fell to its lowest level in ten years.",
                  "A storm closed schools in the north."});
  const std::vector<float> scores = {1.0f, 0.95f, 0.6f, 0.1f};
  CHECK(dup.select(scores, sentences(2), 0.0) == std::vector<size_t>{0, 1});   // pure relevance
  CHECK(dup.select(scores, sentences(2), 0.3) == std::vector<size_t>{0, 2});   // the copy goes
}

TEST_CASE("select: embeddings, when given, measure the redundancy") {
  const Case c({"Alpha.", "Beta.", "Gamma."});
  Embeddings e;
  e.dim = 2;
  e.sentences = {1, 0, 1, 0, 0, 1};   // sentences 0 and 1 say the same thing to the model
  const std::vector<float> scores = {1.0f, 0.9f, 0.5f};
  CHECK(select_sentences(c.doc, scores, c.tfidf, nullptr, sentences(2), 0.5, 0.0) == std::vector<size_t>{0, 1});
  CHECK(select_sentences(c.doc, scores, c.tfidf, &e, sentences(2), 0.5, 0.0) == std::vector<size_t>{0, 2});
}

TEST_CASE("select: nothing from nothing, one from one") {
  const Case none(std::vector<std::string>{});
  CHECK(none.select({}, sentences(3)).empty());
  const Case one({"Only sentence."});
  CHECK(one.select({0.0f}, sentences(3)) == std::vector<size_t>{0});
  CHECK(one.select({0.0f}, words(1)) == std::vector<size_t>{0});
}

namespace {

// The plain O(n * k) scan that the lazy selection must agree with (sentence counts only).
std::vector<size_t> plain_mmr(const std::vector<float>& scores, const TfIdf& tfidf, size_t k, double lambda) {
  const size_t n = scores.size();
  const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
  std::vector<float> relevance(n);
  for (size_t i = 0; i < n; ++i) relevance[i] = *hi > *lo ? (scores[i] - *lo) / (*hi - *lo) : 0.f;
  std::vector<bool> taken(n, false);
  std::vector<float> max_similarity(n, 0.f);
  std::vector<size_t> chosen;
  while (chosen.size() < std::min(k, n)) {
    size_t best = n;
    double best_value = 0;
    for (size_t i = 0; i < n; ++i) {
      if (taken[i]) continue;
      const double value = (1 - lambda) * relevance[i] - lambda * max_similarity[i];
      if (best == n || value > best_value) { best = i; best_value = value; }
    }
    taken[best] = true;
    chosen.push_back(best);
    for (size_t i = 0; i < n; ++i)
      max_similarity[i] = std::max(max_similarity[i], cosine(tfidf.sentences[i], tfidf.sentences[best]));
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

// n sentences of 4 words drawn from a small vocabulary, so many of them overlap.
std::vector<std::string> random_sentences(size_t n, size_t vocabulary, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> sentences;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    for (int w = 0; w < 4; ++w) s += "w" + std::to_string(rng() % vocabulary) + " ";
    sentences.push_back(s + ".");
  }
  return sentences;
}

}  // namespace

TEST_CASE("select: lazy greedy MMR picks exactly what the plain scan picks") {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const Case c(random_sentences(120, 40, seed));
    std::mt19937 rng(seed * 7);
    std::vector<float> scores(120);
    for (float& s : scores) s = float(rng() % 1000) / 1000.f;   // ties happen, and must break alike
    for (double lambda : {0.0, 0.2, 0.5, 0.9})
      for (int k : {1, 5, 30, 120}) {
        CAPTURE(seed);
        CAPTURE(lambda);
        CAPTURE(k);
        CHECK(c.select(scores, sentences(k), lambda) == plain_mmr(scores, c.tfidf, size_t(k), lambda));
      }
  }
}

TEST_CASE("select: work on a large input stays far below n * k similarity evaluations") {
  // 5,000 sentences (about a 100,000-word paste), mostly on distinct topics.
  const Case c(random_sentences(5000, 20000, 3));
  std::vector<float> scores(5000);
  for (size_t i = 0; i < scores.size(); ++i) scores[i] = float(1.0 / (1 + i)) + float(i % 13) * 0.001f;
  size_t evaluations = 0;
  const std::vector<size_t> chosen =
      select_sentences(c.doc, scores, c.tfidf, nullptr, sentences(50), 0.3, 0.0, &evaluations);
  CHECK(chosen.size() == 50);
  CHECK(evaluations > 0);
  CHECK(evaluations < 5000 * 50 / 10);
  Length ratio_half;
  ratio_half.ratio = 0.5;
  CHECK(select_sentences(c.doc, scores, c.tfidf, nullptr, ratio_half, 0.0, 0.0, &evaluations).size() == 2500);
  CHECK(evaluations == 0);   // no redundancy: a plain ranking, no similarity needed
}

TEST_CASE("select: a dangling opener is passed over unless the sentence before it is taken") {
  const Case story({"The mayor of Springfield resigned on Monday.", "Rain fell across the north.",
                    "He said the budget crisis left him no choice.", "Schools will reopen next week.",
                    "Voters go to the polls in May."});
  const std::vector<float> scores = {0.5f, 0.1f, 1.0f, 0.45f, 0.2f};
  // Without the guard the best-scored sentence comes first, its "He" with no one to refer to.
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, sentences(1), 0.0, 0.0) == std::vector<size_t>{2});
  CHECK(count_dangling_openers(story.doc, {2}) == 1);
  // With it, one sentence is the best one that stands alone...
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, sentences(1), 0.0, 0.6) == std::vector<size_t>{0});
  // ... and once its predecessor is in, "He said..." is free to follow it.
  const std::vector<float> with_predecessor = {0.5f, 0.6f, 1.0f, 0.45f, 0.2f};
  const auto two = select_sentences(story.doc, with_predecessor, story.tfidf, nullptr, sentences(2), 0.0, 0.6);
  CHECK(two == std::vector<size_t>{1, 2});
  CHECK(count_dangling_openers(story.doc, two) == 0);
  // A small penalty only breaks near-ties: a much better sentence is still taken.
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, sentences(1), 0.0, 0.2) == std::vector<size_t>{2});
}

TEST_CASE("select: the guard also works with a word budget and with redundancy") {
  const Case story({"The mayor of Springfield resigned on Monday.", "However, the council refused to accept it.",
                    "Schools will reopen next week."});
  const std::vector<float> scores = {0.6f, 1.0f, 0.5f};
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, words(8), 0.3, 0.0) == std::vector<size_t>{1});
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, words(8), 0.3, 0.8) == std::vector<size_t>{0});
  CHECK(select_sentences(story.doc, scores, story.tfidf, nullptr, sentences(2), 0.3, 0.8) == std::vector<size_t>{0, 1});
}
