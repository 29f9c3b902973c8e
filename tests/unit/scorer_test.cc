#include <doctest/doctest.h>

#include "scorer.h"

#include <cmath>
#include <string>

#include "json_fields.h"

using namespace precis;

TEST_CASE("score_sentences is bias + sum of weight * feature, by feature name") {
  FeatureTable t;
  t.names = {"a", "b", "c"};
  t.rows = {{1, 2, 3}, {0, 0, 0}, {-1, 0.5f, 10}};
  ScorerWeights w;
  w.bias = 0.5f;
  w.weights = {{"a", 2.0f}, {"b", -1.0f}, {"not_in_table", 100.0f}};   // "c" has no weight: 0
  const std::vector<float> s = score_sentences(t, w, nullptr, "en");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == doctest::Approx(0.5 + 2 - 2));
  CHECK(s[1] == doctest::Approx(0.5));
  CHECK(s[2] == doctest::Approx(0.5 - 2 - 0.5));
  CHECK(score_sentences(FeatureTable{}, w, nullptr, "en").empty());
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
      "weights": {"position_inverse": 2.25, "emb_centrality": 0.5}, "redundancy": 0.4})", 260, w, error));
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
  CHECK_FALSE(parse_scorer_weights("{not json", 0, w, error));
  CHECK(error.find("JSON") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights("[1, 2]", 0, w, error));
  CHECK_FALSE(parse_scorer_weights(R"({"name": "x"})", 0, w, error));
  CHECK(error.find("weights") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {"a": "heavy"}})", 0, w, error));
  CHECK(error.find("\"a\"") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {}, "redundancy": 3})", 0, w, error));
  CHECK(error.find("redundancy") != std::string::npos);
  CHECK_FALSE(parse_scorer_weights(R"({"weights": {}, "bias": "0"})", 0, w, error));
  CHECK(w.name == before.name);
  CHECK(w.weights == before.weights);
}

// The network of scorer.json, on a document of two sentences with features position_inverse and
// emb_title_sim and 2-d embeddings (s0: (1, 0), s1: (0, 1)):
//   raw inputs [position_inverse, emb_title_sim, centred:position_inverse, centred_embedding (2)]
//     s0: [1,    0.5, 1 - 0.75 =  0.25,  1 - 0.5,  0 - 0.5] = [1,    0.5,  0.25,  0.5, -0.5]
//     s1: [0.5, -0.5, 0.5 - 0.75 = -0.25, 0 - 0.5, 1 - 0.5] = [0.5, -0.5, -0.25, -0.5,  0.5]
//   x = (raw - [0.5, 0, 0, 0, 0]) / [0.5, 1, 0.25, 1, 2]
//     s0: [1,  0.5,  1,  0.5, -0.25]
//     s1: [0, -0.5, -1, -0.5,  0.25]
//   hidden pre-activations, weights [[1, 2, 0, 0, 0], [0, 0, 1, 1, -2]], bias [0, -1]:
//     s0: z = [1 + 1, -1 + 1 + 0.5 + 0.5] = [2, 1]
//     s1: z = [0 - 1, -1 - 1 - 0.5 - 0.5] = [-1, -3]
//   skip [0.5, 0, 0, 0, 1]: s0 0.5 - 0.25 = 0.25, s1 0 + 0.25 = 0.25
//   output weights [1, -0.5], bias 0.25: network = 0.25 + act(z0) - 0.5 act(z1) + skip
//   linear part: bias 1 + 2 * position_inverse = 3 (s0), 2 (s1)
namespace {

Json tiny_network(const char* activation) {
  return Json::parse(std::string(R"({
    "inputs": ["position_inverse", "emb_title_sim", "centred:position_inverse", "centred_embedding"],
    "input_mean": [0.5, 0, 0, 0, 0],
    "input_scale": [0.5, 1, 0.25, 1, 2],
    "hidden": {"weights": [[1, 2, 0, 0, 0], [0, 0, 1, 1, -2]], "bias": [0, -1], "activation": ")") +
                     activation + R"("},
    "output": {"weights": [1, -0.5], "bias": 0.25},
    "skip": [0.5, 0, 0, 0, 1]
  })");
}

std::string scorer_json(const Json& network) {
  Json file = Json::parse(R"({"name": "net", "bias": 1, "weights": {"position_inverse": 2}, "redundancy": 0.3})");
  file["network"] = network;
  return dump_json(file);
}

FeatureTable tiny_features() {
  FeatureTable t;
  t.names = {"position_inverse", "emb_title_sim"};
  t.rows = {{1, 0.5f}, {0.5f, -0.5f}};
  return t;
}

Embeddings tiny_embeddings() {
  Embeddings e;
  e.dim = 2;
  e.sentences = {1, 0, 0, 1};
  return e;
}

// Parses scorer_json(network) for 2-d embeddings; returns the error ("" when it parsed).
std::string network_error(const Json& network) {
  ScorerWeights w;
  std::string error;
  return parse_scorer_weights(scorer_json(network), 2, w, error) ? "" : error;
}

}  // namespace

TEST_CASE("a scorer.json network adds its output to the linear score (tanh)") {
  ScorerWeights w;
  std::string error;
  REQUIRE_MESSAGE(parse_scorer_weights(scorer_json(tiny_network("tanh")), 2, w, error), error);
  REQUIRE(w.network.has_value());
  CHECK(w.network->columns() == 5);
  CHECK(w.network->hidden() == 2);
  const Embeddings e = tiny_embeddings();
  const std::vector<float> s = score_sentences(tiny_features(), w, &e, "en");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == doctest::Approx(3 + 0.25 + std::tanh(2.0) - 0.5 * std::tanh(1.0) + 0.25));
  CHECK(s[1] == doctest::Approx(2 + 0.25 + std::tanh(-1.0) - 0.5 * std::tanh(-3.0) + 0.25));
}

TEST_CASE("a scorer.json network with relu") {
  ScorerWeights w;
  std::string error;
  REQUIRE_MESSAGE(parse_scorer_weights(scorer_json(tiny_network("relu")), 2, w, error), error);
  const Embeddings e = tiny_embeddings();
  const std::vector<float> s = score_sentences(tiny_features(), w, &e, "en");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == doctest::Approx(3 + 0.25 + 2 - 0.5 * 1 + 0.25));   // 5
  CHECK(s[1] == doctest::Approx(2 + 0.25 + 0 - 0.5 * 0 + 0.25));   // 2.5
}

TEST_CASE("the network is skipped, not crashed on, when its inputs cannot be built") {
  ScorerWeights w;
  std::string error;
  REQUIRE(parse_scorer_weights(scorer_json(tiny_network("tanh")), 2, w, error));
  const std::vector<float> linear = {3, 2};
  CHECK(score_sentences(tiny_features(), w, nullptr, "en") == linear);          // no embeddings
  Embeddings wrong = tiny_embeddings();
  wrong.dim = 1;                                                          // another size
  CHECK(score_sentences(tiny_features(), w, &wrong, "en") == linear);
  Embeddings short_rows = tiny_embeddings();
  short_rows.sentences.resize(2);                                         // one row for two sentences
  CHECK(score_sentences(tiny_features(), w, &short_rows, "en") == linear);
  FeatureTable lacking = tiny_features();
  lacking.names = {"position_inverse", "emb_centrality"};                 // no emb_title_sim
  const Embeddings e = tiny_embeddings();
  CHECK(score_sentences(lacking, w, &e, "en") == linear);
  CHECK(score_sentences(FeatureTable{}, w, &e, "en").empty());
}

TEST_CASE("a scorer.json without a network scores as before, with or without embeddings") {
  ScorerWeights w;
  std::string error;
  REQUIRE(parse_scorer_weights(R"({"name": "old", "bias": 1, "weights": {"position_inverse": 2}, "redundancy": 0.3})",
                               2, w, error));
  CHECK_FALSE(w.network.has_value());
  const Embeddings e = tiny_embeddings();
  const std::vector<float> linear = {3, 2};
  CHECK(score_sentences(tiny_features(), w, &e, "en") == linear);
  CHECK(score_sentences(tiny_features(), w, nullptr, "en") == linear);
  REQUIRE(parse_scorer_weights(R"({"weights": {}, "network": null})", 0, w, error));
  CHECK_FALSE(w.network.has_value());
}

TEST_CASE("network inputs: plain features only, no embeddings needed") {
  Json net = tiny_network("relu");
  net["inputs"] = {"position_inverse", "centred:words_log"};
  net["input_mean"] = {0, 0};
  net["input_scale"] = {1, 1};
  net["skip"] = {0, 1};
  net["hidden"]["weights"] = {{1, 1}, {0, 1}};
  ScorerWeights w;
  std::string error;
  REQUIRE_MESSAGE(parse_scorer_weights(scorer_json(net), 0, w, error), error);
  CHECK(w.network->embedding_dim == 0);
  FeatureTable t;
  t.names = {"words_log", "position_inverse"};
  t.rows = {{2, 1}, {4, 0.5f}};   // centred words_log: -1, 1
  // hidden [[1, 1], [0, 1]], bias [0, -1], relu; output [1, -0.5], bias 0.25; skip [0, 1]
  // s0: x = [1, -1], z = [0, -2], out = 0.25 + 0 - 0 + (0*1 + 1*-1) = -0.75; linear 3
  // s1: x = [0.5, 1], z = [1.5, 0], out = 0.25 + 1.5 - 0 + 1 = 2.75; linear 2
  const std::vector<float> s = score_sentences(t, w, nullptr, "en");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == doctest::Approx(3 - 0.75));
  CHECK(s[1] == doctest::Approx(2 + 2.75));
}

TEST_CASE("parse_scorer_weights refuses a malformed network and names the culprit") {
  const auto mentions = [](const std::string& error, const std::string& culprit) {
    INFO(error);
    CHECK(error.rfind("scorer weights: ", 0) == 0);
    CHECK(error.find(culprit) != std::string::npos);
  };
  CHECK(network_error(tiny_network("tanh")).empty());
  mentions(network_error(Json::array({1})), "\"network\"");

  Json net = tiny_network("tanh");
  net["inputs"] = Json::array();
  mentions(network_error(net), "network.inputs");
  net["inputs"] = {"position_inverse", 3};
  mentions(network_error(net), "network.inputs");
  net["inputs"] = {"position_inverse", "emb_title_sim", "centred:no_such_feature", "centred_embedding"};
  mentions(network_error(net), "\"no_such_feature\"");
  net["inputs"] = {"position_inverse", "emb_title_sim", "nope", "centred_embedding"};
  mentions(network_error(net), "\"nope\"");
  net["inputs"] = {"centred_embedding", "emb_title_sim", "centred_embedding"};
  mentions(network_error(net), "\"centred_embedding\" appears more than once");

  // Without embeddings neither emb_* features nor centred_embedding exist.
  ScorerWeights w;
  std::string error;
  CHECK_FALSE(parse_scorer_weights(scorer_json(tiny_network("tanh")), 0, w, error));
  mentions(error, "emb_title_sim");
  net = tiny_network("tanh");
  net["inputs"] = {"position_inverse", "title_sim", "centred:position_inverse", "centred_embedding"};
  CHECK_FALSE(parse_scorer_weights(scorer_json(net), 0, w, error));
  mentions(error, "centred_embedding");

  // The inputs make 5 columns with 2-d embeddings; every per-column array must have 5 numbers.
  for (const char* key : {"input_mean", "input_scale", "skip"}) {
    net = tiny_network("tanh");
    net[key] = {0, 0, 0, 1};
    mentions(network_error(net), std::string("network.") + key + " has 4 values, expected 5");
    net[key] = {1, 1, "x", 1, 1};
    mentions(network_error(net), std::string("network.") + key + "[2]");
    net.erase(key);
    mentions(network_error(net), std::string("network.") + key);
  }
  CHECK_FALSE(parse_scorer_weights(scorer_json(tiny_network("tanh")), 3, w, error));   // 6 columns
  mentions(error, "expected 6");
  net = tiny_network("tanh");
  net["input_scale"] = {0.5, 1, 0, 1, 2};
  mentions(network_error(net), "network.input_scale[2] is 0");

  net = tiny_network("tanh");
  net["hidden"]["weights"] = {{1, 2, 0, 0, 0}, {0, 0, 1, 1}};   // rows of different lengths
  mentions(network_error(net), "network.hidden.weights[1] has 4 values, expected 5");
  net["hidden"]["weights"] = Json::array();
  mentions(network_error(net), "network.hidden.weights");
  net["hidden"]["weights"] = {{1, 2, 0, 0, 0}, 7};
  mentions(network_error(net), "network.hidden.weights[1]");
  net = tiny_network("tanh");
  net["hidden"]["bias"] = {0, 1, 2};
  mentions(network_error(net), "network.hidden.bias has 3 values, expected 2");
  mentions(network_error(tiny_network("sigmoid")), "\"sigmoid\"");
  net = tiny_network("tanh");
  net["hidden"].erase("activation");
  mentions(network_error(net), "network.hidden.activation");
  net = tiny_network("tanh");
  net["hidden"] = 1;
  mentions(network_error(net), "network.hidden");

  net = tiny_network("tanh");
  net["output"]["weights"] = {1};
  mentions(network_error(net), "network.output.weights has 1 values, expected 2");
  net["output"]["weights"] = {1, 1};
  net["output"]["bias"] = "0";
  mentions(network_error(net), "network.output.bias");
  net["output"].erase("bias");
  mentions(network_error(net), "network.output.bias");
  net.erase("output");
  mentions(network_error(net), "network.output");
  net = tiny_network("tanh");
  net["skip"] = {1, 1, 1e300, 1, 1};   // does not fit a float
  mentions(network_error(net), "network.skip[2]");
}

TEST_CASE("a network with languages applies only to documents in those languages") {
  Json net = tiny_network("tanh");
  net["languages"] = {"fr"};
  ScorerWeights w;
  std::string error;
  REQUIRE_MESSAGE(parse_scorer_weights(scorer_json(net), 2, w, error), error);
  const Embeddings e = tiny_embeddings();
  const std::vector<float> linear = {3, 2};
  CHECK(score_sentences(tiny_features(), w, &e, "en") == linear);
  const std::vector<float> french = score_sentences(tiny_features(), w, &e, "fr");
  CHECK(french[0] == doctest::Approx(3 + 0.25 + std::tanh(2.0) - 0.5 * std::tanh(1.0) + 0.25));

  for (const Json& bad : {Json::array(), Json{"fr", 3}, Json("fr"), Json{""}}) {
    net["languages"] = bad;
    CHECK_FALSE(parse_scorer_weights(scorer_json(net), 2, w, error));
    CHECK(error.find("network.languages") != std::string::npos);
  }
}
