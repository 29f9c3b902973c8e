// Turns features into one relevance score per sentence with fitted weights: a linear score, plus
// optionally a small network's output (scorer.json's "network", models/README.md).
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embeddings.h"
#include "sentence_features.h"

namespace precis {

// One hidden layer with a linear skip connection, on inputs built per sentence from features and
// embeddings. For the standardised input x = (raw - input_mean) / input_scale:
//   output = output_bias + sum_h output_weights[h] * act(hidden_bias[h] + hidden_weights[h] . x) + skip . x
struct ScorerNetwork {
  enum class Activation { tanh, relu };
  struct Input {
    enum class Kind { feature, centred_feature, centred_embedding } kind = Kind::feature;
    std::string feature;   // column name for `feature` and `centred_feature`, empty otherwise
  };
  std::vector<Input> inputs;           // as scorer.json names them; centred_embedding spans embedding_dim columns
  size_t embedding_dim = 0;            // columns of centred_embedding, 0 when not used
  std::vector<float> input_mean;       // D = columns of x
  std::vector<float> input_scale;      // D, none 0
  std::vector<float> hidden_weights;   // H rows of D, row-major
  std::vector<float> hidden_bias;      // H
  Activation activation = Activation::tanh;
  std::vector<float> output_weights;   // H
  float output_bias = 0;
  std::vector<float> skip;             // D
  // The document languages it was fitted for ("fr"...); empty = every language. A network that
  // reads embedding coordinates learns one language's part of the vocabulary, so it is not
  // applied to text in languages it never saw.
  std::vector<std::string> languages;

  bool applies_to(std::string_view lang) const {
    return languages.empty() || std::find(languages.begin(), languages.end(), lang) != languages.end();
  }

  size_t columns() const { return input_mean.size(); }
  size_t hidden() const { return hidden_bias.size(); }
};

struct ScorerWeights {
  std::string name;                      // "lexical", or the model's name
  float bias = 0;
  std::map<std::string, float> weights;  // by feature name; features without a weight count 0
  double redundancy = 0.3;               // MMR trade-off fitted with the weights
  double dangling_penalty = 0;           // select.h: cost of an anaphoric opener without its predecessor
  std::optional<ScorerNetwork> network;  // added to the linear score when present
};

// The built-in weights for lexical-only scoring, fitted by scripts/fit-scorer (see scorer.cc).
ScorerWeights default_lexical_weights();

// Reads a scorer.json ({"name", "bias", "weights": {...}, "redundancy", optional "dangling_penalty"
// (default 0) and "network"}).
// `embedding_dim` is the model's embedding size (0 without embeddings): a network's inputs may
// only name features that sentence_features() produces with such embeddings, and its arrays must
// match the columns those inputs make. On failure returns false, says why in `error` and leaves
// `out` alone.
bool parse_scorer_weights(std::string_view json, size_t embedding_dim, ScorerWeights& out, std::string& error);

// One score per row of `features`: bias + sum of weight * feature, plus the network's output when
// `weights` has one that applies to the document's language `lang`. The network is skipped
// (linear score only) when the table lacks one of its features, or when it uses
// centred_embedding and `embeddings` is null or does not match.
std::vector<float> score_sentences(const FeatureTable& features, const ScorerWeights& weights,
                                   const Embeddings* embeddings, std::string_view lang);

}  // namespace precis
