#include "scorer.h"

#include "json_fields.h"

namespace precis {

ScorerWeights default_lexical_weights() {
  // Only the ranking of sentences within a document matters to selection (MMR rescales scores
  // to [0, 1] per document), so the bias is kept for completeness but changes nothing.
  // Dev ROUGE-1/2/L F1 x100 with these weights (`scripts/eval --systems precis,lead,ots`):
  // orangesum-dev, 2 sentences: 25.81/9.11/16.72 (Lead-2 24.40/8.07/15.92);
  // bbc-dev docs 400.., reference sentence count: 82.11/75.99/50.85 (OTS 75.58/67.46/48.07).
  // (Before stopword_ratio and the centroid and paragraph-density crosses: 25.18/8.62/16.38 and
  // 80.20/73.43/49.05, training objective +17.07% gain over Lead-k, now +19.67%.)
  ScorerWeights w;
  w.name = "lexical";
  // Fitted by `scripts/fit-scorer`:
  // 5000 orangesum-train docs (official_split != none, seed 559) + bbc-dev docs 0..399; greedy
  // ROUGE-1+2 oracle labels, logistic regression on per-document centred features, OrangeSum
  // share 0.8 and redundancy 0.20 by grid search (mean relative ROUGE gain over Lead-k).
  w.bias = -1.710473f;
  w.weights = {
      {"position_inverse", 2.550810f},
      {"is_first", -1.571804f},
      {"position_relative", -0.235079f},
      {"paragraph_start", -0.077845f},
      {"words_log", -0.085319f},
      {"too_short", -0.080745f},
      {"too_long", -0.303000f},
      {"centroid_sim", 24.870043f},
      {"centrality", 0.281665f},
      {"title_sim", 3.401051f},
      {"has_quote", -0.199370f},
      {"has_digits", 0.088677f},
      {"is_question", -0.154730f},
      {"stopword_ratio", 0.634747f},
      {"centroid_sim_sq", -60.780773f},
      {"words_log_x_centroid", -0.022939f},
      {"position_inverse_x_paragraphs", -9.929715f},
      {"is_first_x_paragraphs", 3.649880f},
      {"position_relative_x_paragraphs", -1.505840f},
      {"centroid_sim_x_paragraphs", 242.599686f},
      {"title_sim_x_paragraphs", -4.788483f},
      {"words_log_x_paragraphs", 2.256152f},
  };
  w.redundancy = 0.20;
  return w;
}

bool parse_scorer_weights(std::string_view json, ScorerWeights& out, std::string& error) {
  std::optional<Json> doc = parse_json_object(json, error);
  ScorerWeights parsed;
  double bias = 0;
  if (!doc || !read_string(*doc, "name", parsed.name, error) || !read_number(*doc, "bias", bias, error) ||
      !read_number(*doc, "redundancy", parsed.redundancy, error)) {
    error = "scorer weights: " + error;
    return false;
  }
  parsed.bias = static_cast<float>(bias);
  if (parsed.redundancy < 0 || parsed.redundancy > 1) {
    error = "scorer weights: \"redundancy\" must be a number in [0, 1]";
    return false;
  }
  const auto weights = doc->find("weights");
  if (weights == doc->end() || !weights->is_object()) {
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
