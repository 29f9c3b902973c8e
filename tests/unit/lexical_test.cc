#include <doctest/doctest.h>

#include <cmath>

#include "lexical.h"

using namespace precis;
using Words = std::vector<std::string>;

TEST_CASE("word_tokens lowercases word runs and splits at punctuation, apostrophes and hyphens") {
  CHECK(word_tokens("Hello, World! It's 2024.") == Words{"hello", "world", "it", "s", "2024"});
  CHECK(word_tokens("C'est l'arrivée d'un porte-avions.") ==
        Words{"c", "est", "l", "arrivée", "d", "un", "porte", "avions"});
  CHECK(word_tokens("  \n\t ").empty());
  CHECK(word_tokens("").empty());
}

TEST_CASE("word_tokens keeps accents and lowercases non-ASCII capitals") {
  CHECK(word_tokens("ÉTÉ À Noël") == Words{"été", "à", "noël"});
  CHECK(word_tokens("Straße Ärger") == Words{"straße", "ärger"});
  CHECK(word_tokens("МОСКВА Ελλάδα") == Words{"москва", "ελλάδα"});
  // A combining accent stays inside its word.
  CHECK(word_tokens("Cafe\xCC\x81 noir") == Words{"cafe\xCC\x81", "noir"});
}

TEST_CASE("word_tokens makes each CJK character a word of its own") {
  CHECK(word_tokens("東京は晴れ") == Words{"東", "京", "は", "晴", "れ"});
  CHECK(word_tokens("iPhone発売") == Words{"iphone", "発", "売"});
}

TEST_CASE("word_tokens survives malformed UTF-8") {
  const Words words = word_tokens(std::string("ab\xFF" "cd \xC3"));
  CHECK(words == Words{"ab", "cd"});
}

TEST_CASE("is_stopword knows the function words of seven languages") {
  CHECK(is_stopword("en", "the"));
  CHECK(is_stopword("fr", "les"));
  CHECK(is_stopword("fr", "l"));   // from "l'" after the tokenizer split it
  CHECK(is_stopword("de", "und"));
  CHECK(is_stopword("es", "los"));
  CHECK(is_stopword("it", "della"));
  CHECK(is_stopword("pt", "não"));
  CHECK(is_stopword("nl", "het"));
  CHECK_FALSE(is_stopword("en", "budget"));
  CHECK_FALSE(is_stopword("fr", "gouvernement"));
  CHECK_FALSE(is_stopword("en", "les"));    // lists are per language
  CHECK_FALSE(is_stopword("und", "the"));   // unknown language: no stopwords
  CHECK_FALSE(is_stopword("xx", "the"));
}

TEST_CASE("cosine of normalised sparse vectors") {
  SparseVector a{{{1, 0.6f}, {3, 0.8f}}};
  SparseVector b{{{3, 1.0f}}};
  SparseVector c{{{2, 1.0f}}};
  CHECK(cosine(a, a) == doctest::Approx(1.0));
  CHECK(cosine(a, b) == doctest::Approx(0.8));
  CHECK(cosine(b, a) == doctest::Approx(0.8));
  CHECK(cosine(a, c) == doctest::Approx(0.0));
  CHECK(cosine(a, SparseVector{}) == 0.0f);
}

TEST_CASE("tfidf_vectors: normalised, stopwords out, shared words make sentences similar") {
  const std::vector<Words> sentences = {
      word_tokens("The budget of the city grows."),
      word_tokens("The city budget is voted today."),
      word_tokens("A cat sleeps on the sofa."),
  };
  const TfIdf t = tfidf_vectors(sentences, word_tokens("City budget"), "en");
  REQUIRE(t.sentences.size() == 3);
  for (const auto& v : t.sentences) {
    double norm = 0;
    for (const auto& e : v.entries) norm += e.second * e.second;
    CHECK(norm == doctest::Approx(1.0));
    for (size_t i = 1; i < v.entries.size(); ++i) CHECK(v.entries[i - 1].first < v.entries[i].first);
  }
  // "the", "of", "is", "a", "on" are stopwords: the first sentence keeps budget, city, grows.
  CHECK(t.sentences[0].entries.size() == 3);
  CHECK(cosine(t.sentences[0], t.sentences[1]) > 0.3f);
  CHECK(cosine(t.sentences[0], t.sentences[2]) == 0.0f);
  CHECK(cosine(t.sentences[0], t.title) > cosine(t.sentences[2], t.title));
  CHECK(cosine(t.sentences[2], t.title) == 0.0f);
  // The centroid leans towards the two sentences that share their topic.
  CHECK(cosine(t.sentences[0], t.centroid) > cosine(t.sentences[2], t.centroid));
}

TEST_CASE("tfidf_vectors: a title word absent from the text still counts in the title's norm") {
  const std::vector<Words> sentences = {word_tokens("Rain falls."), word_tokens("Sun shines.")};
  const TfIdf one = tfidf_vectors(sentences, word_tokens("Rain"), "en");
  const TfIdf more = tfidf_vectors(sentences, word_tokens("Rain storm flood warning"), "en");
  CHECK(cosine(one.sentences[0], one.title) > cosine(more.sentences[0], more.title));
  CHECK(tfidf_vectors(sentences, {}, "en").title.entries.empty());
}

TEST_CASE("tfidf_vectors on nothing") {
  const TfIdf t = tfidf_vectors({}, {}, "en");
  CHECK(t.sentences.empty());
  CHECK(t.centroid.entries.empty());
  const TfIdf only_stopwords = tfidf_vectors({word_tokens("the of a")}, {}, "en");
  REQUIRE(only_stopwords.sentences.size() == 1);
  CHECK(only_stopwords.sentences[0].entries.empty());
}
