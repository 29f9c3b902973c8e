#include <doctest/doctest.h>

#include "scorer.h"

using namespace precis;

TEST_CASE("score_sentences is bias + sum of weight * feature, by feature name") {
  FeatureTable t;
  t.names = {"a", "b", "c"};
  t.rows = {{1, 2, 3}, {0, 0, 0}, {-1, 0.5f, 10}};
  ScorerWeights w;
  w.bias = 0.5f;
  w.weights = {{"a", 2.0f}, {"b", -1.0f}, {"not_in_table", 100.0f}};   // "c" has no weight: 0
  const std::vector<float> s = score_sentences(t, w);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == doctest::Approx(0.5 + 2 - 2));
  CHECK(s[1] == doctest::Approx(0.5));
  CHECK(s[2] == doctest::Approx(0.5 - 2 - 0.5));
  CHECK(score_sentences(FeatureTable{}, w).empty());
}

TEST_CASE("default lexical weights favour the lead and central sentences") {
  const ScorerWeights w = default_lexical_weights();
  CHECK(w.name == "lexical");
  CHECK(w.redundancy >= 0);
  CHECK(w.redundancy <= 1);
  CHECK(w.weights.count("position_inverse") == 1);
  CHECK(w.weights.at("position_inverse") > 0);
  for (const auto& [name, weight] : w.weights) CHECK(name.rfind("emb_", 0) != 0);
}

TEST_CASE("parse_scorer_weights reads scorer.json") {
  ScorerWeights w;
  std::string error;
  REQUIRE(parse_scorer_weights(R"({"name": "minilm", "bias": -1.5,
      "weights": {"position_inverse": 2.25, "emb_centrality": 0.5}, "redundancy": 0.4})", w, error));
  CHECK(w.name == "minilm");
  CHECK(w.bias == doctest::Approx(-1.5));
  CHECK(w.weights.size() == 2);
  CHECK(w.weights.at("position_inverse") == doctest::Approx(2.25));
  CHECK(w.weights.at("emb_centrality") == doctest::Approx(0.5));
  CHECK(w.redundancy == doctest::Approx(0.4));
}

TEST_CASE("parse_scorer_weights refuses malformed files and says why, leaving the output alone") {
  ScorerWeights w = default_lexical_weights();
  const ScorerWeights before = w;
  std::string error;
  CHECK_FALSE(parse_scorer_weights("{not json", w, error));
  CHECK(error.find("JSON") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights("[1, 2]", w, error));
  CHECK_FALSE(parse_scorer_weights(R"({"name": "x"})", w, error));
  CHECK(error.find("weights") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {"a": "heavy"}})", w, error));
  CHECK(error.find("\"a\"") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {}, "redundancy": 3})", w, error));
  CHECK(error.find("redundancy") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {}, "bias": "0"})", w, error));
  CHECK(w.name == before.name);
  CHECK(w.weights == before.weights);
}
