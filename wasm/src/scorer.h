// Turns features into one relevance score per sentence with fitted weights.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sentence_features.h"

namespace precis {

struct ScorerWeights {
  std::string name;                      // "lexical", or the model's name
  float bias = 0;
  std::map<std::string, float> weights;  // by feature name; features without a weight count 0
  double redundancy = 0.3;               // MMR trade-off fitted with the weights
};

// The built-in weights for lexical-only scoring, fitted by scripts/fit-scorer (see scorer.cc).
ScorerWeights default_lexical_weights();

// Reads a scorer.json ({"name", "bias", "weights": {...}, "redundancy"}). On failure returns false
// and says why in `error`.
bool parse_scorer_weights(std::string_view json, ScorerWeights& out, std::string& error);

std::vector<float> score_sentences(const FeatureTable& features, const ScorerWeights& weights);

}  // namespace precis
