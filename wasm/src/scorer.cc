#include "scorer.h"

#include "json_fields.h"

namespace precis {

ScorerWeights default_lexical_weights() {
  // Only the ranking of sentences within a document matters to selection (MMR rescales scores
  // to [0, 1] per document), so the bias is kept for completeness but changes nothing.
  // Dev ROUGE-1/2/L F1 x100 with these weights (`scripts/eval --systems precis,lead,ots`):
  // orangesum-dev, 2 sentences: 25.96/9.23/16.76 (Lead-2 24.40/8.07/15.92);
  // bbc-dev docs 400.., reference sentence count: 82.19/76.04/50.97 (OTS 75.58/67.46/48.07).
  // (Before stopword_ratio and the centroid, paragraph-density and size crosses: 25.18/8.62/16.38
  // and 80.20/73.43/49.05, training objective +17.07% gain over Lead-k, now +20.19%.)
  ScorerWeights w;
  w.name = "lexical";
  // Fitted by `scripts/fit-scorer`:
  // 5000 orangesum-train docs (official_split != none, seed 559) + bbc-dev docs 0..399; greedy
  // ROUGE-1+2 oracle labels, logistic regression on per-document centred features, OrangeSum
  // share 0.9 and redundancy 0.30 by grid search (mean relative ROUGE gain over Lead-k).
  w.bias = -1.838193f;
  w.weights = {
      {"position_inverse", 7.431738f},
      {"is_first", -4.118424f},
      {"position_relative", -0.332136f},
      {"paragraph_start", -0.051880f},
      {"words_log", -0.066197f},
      {"too_short", -0.181993f},
      {"too_long", -0.328890f},
      {"centroid_sim", -29.520912f},
      {"centrality", 0.655747f},
      {"title_sim", 3.464480f},
      {"has_quote", -0.225525f},
      {"has_digits", 0.098852f},
      {"is_question", -0.154966f},
      {"stopword_ratio", 0.110974f},
      {"centroid_sim_sq", -30.793790f},
      {"words_log_x_centroid", 0.235495f},
      {"position_inverse_x_paragraphs", -11.405867f},
      {"is_first_x_paragraphs", 3.617785f},
      {"position_relative_x_paragraphs", -0.508917f},
      {"centroid_sim_x_paragraphs", 252.886322f},
      {"title_sim_x_paragraphs", -3.719354f},
      {"words_log_x_paragraphs", 1.425439f},
      {"position_inverse_x_log_sentences", -1.758388f},
      {"is_first_x_log_sentences", 0.913531f},
      {"centroid_sim_x_log_sentences", 11.488423f},
  };
  w.redundancy = 0.30;
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
