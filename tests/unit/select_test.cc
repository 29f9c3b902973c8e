#include <doctest/doctest.h>

#include <string>

#include "select.h"

using namespace precis;

namespace {

Document make_doc(const std::vector<std::string>& sentences) {
  Document doc;
  doc.lang = "en";
  for (const auto& s : sentences) {
    if (!doc.clean.text.empty()) doc.clean.text += ' ';
    doc.sentences.push_back({doc.clean.text.size(), doc.clean.text.size() + s.size()});
    doc.clean.text += s;
    doc.words.push_back(word_tokens(s));
  }
  doc.paragraph.assign(sentences.size(), 0);
  return doc;
}

struct Case {
  Document doc;
  TfIdf tfidf;
  explicit Case(const std::vector<std::string>& sentences)
      : doc(make_doc(sentences)), tfidf(tfidf_vectors(doc.words, {}, "en")) {}
  std::vector<size_t> select(const std::vector<float>& scores, const Length& length, double redundancy = 0) const {
    return select_sentences(doc, scores, tfidf, nullptr, length, redundancy);
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
  CHECK(select_sentences(c.doc, scores, c.tfidf, nullptr, sentences(2), 0.5) == std::vector<size_t>{0, 1});
  CHECK(select_sentences(c.doc, scores, c.tfidf, &e, sentences(2), 0.5) == std::vector<size_t>{0, 2});
}

TEST_CASE("select: nothing from nothing, one from one") {
  const Case none(std::vector<std::string>{});
  CHECK(none.select({}, sentences(3)).empty());
  const Case one({"Only sentence."});
  CHECK(one.select({0.0f}, sentences(3)) == std::vector<size_t>{0});
  CHECK(one.select({0.0f}, words(1)) == std::vector<size_t>{0});
}
