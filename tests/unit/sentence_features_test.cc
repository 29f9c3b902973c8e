#include <doctest/doctest.h>

#include "test_support.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "sentence_features.h"

using namespace precis;
using precis::testing::make_document;

namespace {


float feature(const FeatureTable& t, size_t row, const std::string& name) {
  const auto it = std::find(t.names.begin(), t.names.end(), name);
  REQUIRE(it != t.names.end());
  return t.rows[row][size_t(it - t.names.begin())];
}

}  // namespace

TEST_CASE("features: names are stable and every row has one value per name") {
  const Document doc = make_document({"One sentence here about rain.", "Another one about rain and wind."});
  const FeatureTable t = sentence_features(doc, tfidf_vectors(doc.words, doc.title_words, "en"), nullptr);
  const std::vector<std::string> expected = {
      "position_inverse", "is_first",  "position_relative", "paragraph_start", "words_log",
      "too_short",        "too_long",  "centroid_sim",      "centrality",      "title_sim",
      "has_quote",        "has_digits", "is_question",       "stopword_ratio",
      "centroid_sim_sq",  "words_log_x_centroid",
      "position_inverse_x_paragraphs", "is_first_x_paragraphs", "position_relative_x_paragraphs",
      "centroid_sim_x_paragraphs", "title_sim_x_paragraphs", "words_log_x_paragraphs",
      "position_inverse_x_log_sentences", "is_first_x_log_sentences", "centroid_sim_x_log_sentences"};
  CHECK(t.names == expected);
  CHECK(feature_names(false) == expected);   // the list scorer.json's network inputs are checked against
  REQUIRE(t.rows.size() == 2);
  for (const auto& row : t.rows) CHECK(row.size() == t.names.size());
}

TEST_CASE("features: position, paragraphs, length and surface cues") {
  const Document doc = make_document(
      {"The mayor announced a new budget for the city on Monday morning.",
       "It was 2024.",
       "\"We will build schools,\" she said to the assembled reporters at the town hall.",
       "Will the opposition vote for the budget of the city this time around?"},
      {0, 0, 1, 1}, "City budget announced");
  const FeatureTable t = sentence_features(doc, tfidf_vectors(doc.words, doc.title_words, "en"), nullptr);
  CHECK(feature(t, 0, "position_inverse") == doctest::Approx(1.0));
  CHECK(feature(t, 3, "position_inverse") == doctest::Approx(0.25));
  CHECK(feature(t, 0, "is_first") == 1);
  CHECK(feature(t, 1, "is_first") == 0);
  CHECK(feature(t, 0, "position_relative") == 0);
  CHECK(feature(t, 3, "position_relative") == doctest::Approx(1.0));
  CHECK(feature(t, 0, "paragraph_start") == 1);
  CHECK(feature(t, 1, "paragraph_start") == 0);
  CHECK(feature(t, 2, "paragraph_start") == 1);
  CHECK(feature(t, 1, "too_short") == 1);
  CHECK(feature(t, 0, "too_short") == 0);
  CHECK(feature(t, 0, "too_long") == 0);
  CHECK(feature(t, 1, "words_log") == doctest::Approx(std::log(4.0)));
  CHECK(feature(t, 1, "has_digits") == 1);
  CHECK(feature(t, 0, "has_digits") == 0);
  CHECK(feature(t, 2, "has_quote") == 1);
  CHECK(feature(t, 3, "is_question") == 1);
  CHECK(feature(t, 0, "is_question") == 0);
  // "It was 2024." -> it, was, 2024: two English stopwords of three words.
  CHECK(feature(t, 1, "stopword_ratio") == doctest::Approx(2.0 / 3.0));
  CHECK(feature(t, 0, "stopword_ratio") < feature(t, 1, "stopword_ratio"));
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const float centroid = feature(t, i, "centroid_sim");
    CHECK(feature(t, i, "centroid_sim_sq") == doctest::Approx(centroid * centroid));
    CHECK(feature(t, i, "words_log_x_centroid") == doctest::Approx(feature(t, i, "words_log") * centroid));
    // Two of the four sentences open a paragraph: density 0.5.
    CHECK(feature(t, i, "position_inverse_x_paragraphs") == doctest::Approx(0.5 * feature(t, i, "position_inverse")));
    CHECK(feature(t, i, "is_first_x_paragraphs") == doctest::Approx(0.5 * feature(t, i, "is_first")));
    CHECK(feature(t, i, "position_relative_x_paragraphs") == doctest::Approx(0.5 * feature(t, i, "position_relative")));
    CHECK(feature(t, i, "centroid_sim_x_paragraphs") == doctest::Approx(0.5 * centroid));
    CHECK(feature(t, i, "title_sim_x_paragraphs") == doctest::Approx(0.5 * feature(t, i, "title_sim")));
    CHECK(feature(t, i, "words_log_x_paragraphs") == doctest::Approx(0.5 * feature(t, i, "words_log")));
    // Four sentences: log 4.
    CHECK(feature(t, i, "position_inverse_x_log_sentences") == doctest::Approx(std::log(4.0) * feature(t, i, "position_inverse")));
    CHECK(feature(t, i, "is_first_x_log_sentences") == doctest::Approx(std::log(4.0) * feature(t, i, "is_first")));
    CHECK(feature(t, i, "centroid_sim_x_log_sentences") == doctest::Approx(std::log(4.0) * centroid));
  }
  // The title shares "city budget" with sentences 0 and 3, nothing with sentence 1.
  CHECK(feature(t, 0, "title_sim") > 0.2f);
  CHECK(feature(t, 1, "title_sim") == 0);
  CHECK(feature(t, 1, "centroid_sim") < feature(t, 0, "centroid_sim"));
}

TEST_CASE("features: title_sim is 0 without a title") {
  const Document doc = make_document({"Rain in Paris today.", "More rain in Paris tomorrow."});
  const FeatureTable t = sentence_features(doc, tfidf_vectors(doc.words, {}, "en"), nullptr);
  CHECK(feature(t, 0, "title_sim") == 0);
  CHECK(feature(t, 1, "title_sim") == 0);
}

TEST_CASE("features: embedding columns, prefixed emb_, only when embeddings match the sentences") {
  const Document doc = make_document({"Alpha beta.", "Beta gamma.", "Delta epsilon."}, {}, "Alpha");
  const TfIdf tfidf = tfidf_vectors(doc.words, doc.title_words, "en");
  Embeddings e;
  e.dim = 2;
  e.sentences = {1, 0, 0.8f, 0.6f, 0, 1};
  e.title = {1, 0};
  const FeatureTable t = sentence_features(doc, tfidf, &e);
  REQUIRE(t.names.size() == 30);
  CHECK(t.names == feature_names(true));
  CHECK(t.names[25] == "emb_centroid_sim");
  CHECK(t.names[26] == "emb_centrality");
  CHECK(t.names[27] == "emb_title_sim");
  // All three sentences in one paragraph: only the first opens one, density 1/3.
  CHECK(feature(t, 0, "emb_title_sim_x_paragraphs") == doctest::Approx(feature(t, 0, "emb_title_sim") / 3));
  CHECK(feature(t, 1, "emb_centroid_sim_x_paragraphs") == doctest::Approx(feature(t, 1, "emb_centroid_sim") / 3));
  CHECK(feature(t, 0, "emb_title_sim") == doctest::Approx(1.0));
  CHECK(feature(t, 2, "emb_title_sim") == doctest::Approx(0.0));
  // The middle sentence is closest to the others: most central and nearest the centroid.
  CHECK(feature(t, 1, "emb_centrality") == doctest::Approx(1.0));
  CHECK(feature(t, 1, "emb_centroid_sim") > feature(t, 0, "emb_centroid_sim"));

  Embeddings wrong = e;
  wrong.sentences.resize(4);   // two rows for three sentences
  CHECK(sentence_features(doc, tfidf, &wrong).names.size() == 25);
}

TEST_CASE("features: empty document") {
  const Document doc;
  const FeatureTable t = sentence_features(doc, tfidf_vectors({}, {}, "en"), nullptr);
  CHECK(t.rows.empty());
  CHECK(t.names.size() == 25);
}
