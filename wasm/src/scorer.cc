#include "scorer.h"

#include <nlohmann/json.hpp>

namespace precis {

ScorerWeights default_lexical_weights() {
  // PLACEHOLDER until scripts/fit-scorer has run (replaced by fitted weights below).
  ScorerWeights w;
  w.name = "lexical";
  w.bias = 0;
  w.weights = {{"position_inverse", 1.0f}};
  w.redundancy = 0.3;
  return w;
}

bool parse_scorer_weights(std::string_view json, ScorerWeights& out, std::string& error) {
  // The core is built without exceptions: parse errors come back as a discarded value.
  const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "scorer weights: not a JSON object";
    return false;
  }
  ScorerWeights parsed;
  const auto name = doc.find("name");
  if (name != doc.end()) {
    if (!name->is_string()) { error = "scorer weights: \"name\" must be a string"; return false; }
    parsed.name = name->get<std::string>();
  }
  const auto bias = doc.find("bias");
  if (bias != doc.end()) {
    if (!bias->is_number()) { error = "scorer weights: \"bias\" must be a number"; return false; }
    parsed.bias = bias->get<float>();
  }
  const auto weights = doc.find("weights");
  if (weights == doc.end() || !weights->is_object()) {
    error = "scorer weights: \"weights\" must be an object of feature name -> number";
    return false;
  }
  for (auto it = weights->begin(); it != weights->end(); ++it) {
    if (!it.value().is_number()) {
      error = "scorer weights: weight of \"" + it.key() + "\" is not a number";
      return false;
    }
    parsed.weights[it.key()] = it.value().get<float>();
  }
  const auto redundancy = doc.find("redundancy");
  if (redundancy != doc.end()) {
    if (!redundancy->is_number() || redundancy->get<double>() < 0 || redundancy->get<double>() > 1) {
      error = "scorer weights: \"redundancy\" must be a number in [0, 1]";
      return false;
    }
    parsed.redundancy = redundancy->get<double>();
  }
  out = std::move(parsed);
  return true;
}

std::vector<float> score_sentences(const FeatureTable& features, const ScorerWeights& weights) {
  // Look each column's weight up once; a feature the weights do not name counts 0, and a weight
  // for a feature the table lacks (e.g. emb_* without a model) is ignored.
  std::vector<float> column_weight(features.names.size(), 0.f);
  for (size_t c = 0; c < features.names.size(); ++c) {
    const auto it = weights.weights.find(features.names[c]);
    if (it != weights.weights.end()) column_weight[c] = it->second;
  }
  std::vector<float> scores;
  scores.reserve(features.rows.size());
  for (const auto& row : features.rows) {
    float score = weights.bias;
    for (size_t c = 0; c < row.size() && c < column_weight.size(); ++c) score += column_weight[c] * row[c];
    scores.push_back(score);
  }
  return scores;
}

}  // namespace precis
