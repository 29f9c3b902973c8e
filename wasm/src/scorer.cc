#include "scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "json_fields.h"

namespace precis {

ScorerWeights default_lexical_weights() {
  // Only the ranking of sentences within a document matters to selection (MMR rescales scores
  // to [0, 1] per document), so the bias is kept for completeness but changes nothing. The
  // weights name no layout feature (paragraph starts, paragraph density): the same text scores
  // the same however its paragraphs were pasted. Dev figures: docs/EVALUATION.md, scoreboard.
  // Data terms: OrangeSum CC BY-SA 4.0; CNN/DailyMail research use; MLSUM non-commercial research.
  // These 18 numbers are statistics of those corpora, not their text; anyone redistributing Précis
  // commercially should refit them on data whose terms allow it (`scripts/fit-lexical --without`).
  ScorerWeights w;
  w.name = "lexical";
  // Fitted by `scripts/fit-lexical` (about 4 minutes on 2 cores):
  // 3000 orangesum train docs (k = 2), 3000 cnndm train docs (k = 3), 3000 mlsum-de train docs (k = 2);
  // greedy ROUGE-1+2 oracle labels, logistic regression (C = 0.03) on per-document centred
  // features, then expected-ROUGE refinement over k-subsets of the best 7 sentences, each
  // corpus weighing the same; redundancy 0.40 and dangling penalty 0.20 by grid
  // search on 600 further train docs per corpus (mean relative ROUGE gain over Lead-k: +7.24%).
  w.bias = -1.672189f;
  w.weights = {
      {"position_inverse", 4.127818f},
      {"is_first", -0.977080f},
      {"position_relative", -0.898379f},
      {"words_log", -0.349712f},
      {"too_short", -0.192226f},
      {"too_long", -0.479965f},
      {"centroid_sim", -6.453218f},
      {"centrality", 1.326734f},
      {"title_sim", 3.711375f},
      {"has_quote", -0.236918f},
      {"has_digits", 0.193281f},
      {"is_question", -0.516237f},
      {"stopword_ratio", -0.384162f},
      {"centroid_sim_sq", 3.819660f},
      {"words_log_x_centroid", 0.387286f},
      {"position_inverse_x_log_sentences", -0.587560f},
      {"is_first_x_log_sentences", -0.204178f},
      {"centroid_sim_x_log_sentences", 2.044163f},
  };
  w.redundancy = 0.40;
  w.dangling_penalty = 0.20;
  return w;
}

namespace {

constexpr std::string_view kCentredPrefix = "centred:";
constexpr std::string_view kCentredEmbedding = "centred_embedding";

// A JSON number that fits a float.
bool read_float(const Json& value, float& out) {
  if (!value.is_number()) return false;
  const double d = value.get<double>();
  if (!(std::fabs(d) <= double(std::numeric_limits<float>::max()))) return false;
  out = static_cast<float>(d);
  return true;
}

// Reads `value` (named `what` in messages) as an array of exactly `size` numbers that fit a float.
bool read_floats(const Json* value, const std::string& what, size_t size, std::vector<float>& out,
                 std::string& error) {
  if (value == nullptr || !value->is_array()) {
    error = what + " must be an array of " + std::to_string(size) + " numbers";
    return false;
  }
  if (value->size() != size) {
    error = what + " has " + std::to_string(value->size()) + " values, expected " + std::to_string(size);
    return false;
  }
  out.clear();
  out.reserve(size);
  for (size_t i = 0; i < size; ++i) {
    float f = 0;
    if (!read_float((*value)[i], f)) {
      error = what + "[" + std::to_string(i) + "] is not a number (or too large for a float)";
      return false;
    }
    out.push_back(f);
  }
  return true;
}

// Reads "inputs" and sets net.inputs and net.embedding_dim; the named features must be ones
// sentence_features() produces given embeddings of `embedding_dim` (0: none).
bool parse_network_inputs(const Json* inputs, size_t embedding_dim, ScorerNetwork& net, std::string& error) {
  if (inputs == nullptr || !inputs->is_array() || inputs->empty()) {
    error = "network.inputs must be a non-empty array of input names";
    return false;
  }
  const std::vector<std::string> known = feature_names(embedding_dim > 0);
  for (const Json& item : *inputs) {
    if (!item.is_string()) {
      error = "network.inputs holds a value that is not a string: " + dump_json(item);
      return false;
    }
    const std::string text = item.get<std::string>();
    ScorerNetwork::Input input;
    if (text == kCentredEmbedding) {
      if (embedding_dim == 0) {
        error = "network.inputs: \"centred_embedding\" needs a model with embeddings";
        return false;
      }
      if (net.embedding_dim > 0) {
        error = "network.inputs: \"centred_embedding\" appears more than once";
        return false;
      }
      input.kind = ScorerNetwork::Input::Kind::centred_embedding;
      net.embedding_dim = embedding_dim;
    } else {
      const bool centred = text.rfind(kCentredPrefix, 0) == 0;
      input.kind = centred ? ScorerNetwork::Input::Kind::centred_feature : ScorerNetwork::Input::Kind::feature;
      input.feature = centred ? text.substr(kCentredPrefix.size()) : text;
      if (std::find(known.begin(), known.end(), input.feature) == known.end()) {
        error = "network.inputs: unknown feature \"" + input.feature + "\"";
        if (embedding_dim == 0 && input.feature.rfind("emb_", 0) == 0) error += " (emb_* features need embeddings)";
        return false;
      }
    }
    net.inputs.push_back(std::move(input));
  }
  return true;
}

// Reads the optional "languages": a non-empty list of language codes (absent or null: every language).
bool parse_network_languages(const Json& json, ScorerNetwork& net, std::string& error) {
  const Json* languages = member(json, "languages");
  if (languages == nullptr) return true;
  const bool valid = read_string_list(json, "languages", net.languages, error) && !net.languages.empty() &&
                     std::none_of(net.languages.begin(), net.languages.end(), [](const std::string& code) { return code.empty(); });
  if (!valid) error = "network.languages must be a non-empty array of language codes, not " + dump_json(*languages);
  return valid;
}

// Reads a scorer.json "network" block (models/README.md).
bool parse_network(const Json& json, size_t embedding_dim, ScorerNetwork& out, std::string& error) {
  if (!json.is_object()) {
    error = "\"network\" must be an object";
    return false;
  }
  ScorerNetwork net;
  if (!parse_network_inputs(member(json, "inputs"), embedding_dim, net, error) ||
      !parse_network_languages(json, net, error))
    return false;
  const size_t columns = net.inputs.size() - (net.embedding_dim > 0 ? 1 : 0) + net.embedding_dim;
  if (!read_floats(member(json, "input_mean"), "network.input_mean", columns, net.input_mean, error) ||
      !read_floats(member(json, "input_scale"), "network.input_scale", columns, net.input_scale, error) ||
      !read_floats(member(json, "skip"), "network.skip", columns, net.skip, error))
    return false;
  for (size_t d = 0; d < columns; ++d)
    if (net.input_scale[d] == 0.f) {
      error = "network.input_scale[" + std::to_string(d) + "] is 0";
      return false;
    }

  const Json* hidden = member(json, "hidden");
  const Json* rows = hidden != nullptr && hidden->is_object() ? member(*hidden, "weights") : nullptr;
  if (rows == nullptr || !rows->is_array() || rows->empty()) {
    error = "network.hidden.weights must be a non-empty array of rows";
    return false;
  }
  const size_t units = rows->size();
  std::vector<float> row;
  net.hidden_weights.reserve(units * columns);
  for (size_t h = 0; h < units; ++h) {
    if (!read_floats(&(*rows)[h], "network.hidden.weights[" + std::to_string(h) + "]", columns, row, error))
      return false;
    net.hidden_weights.insert(net.hidden_weights.end(), row.begin(), row.end());
  }
  if (!read_floats(member(*hidden, "bias"), "network.hidden.bias", units, net.hidden_bias, error)) return false;
  const Json* activation = member(*hidden, "activation");
  const std::string name = activation != nullptr && activation->is_string() ? activation->get<std::string>() : "";
  if (name == "tanh") {
    net.activation = ScorerNetwork::Activation::tanh;
  } else if (name == "relu") {
    net.activation = ScorerNetwork::Activation::relu;
  } else {
    error = "network.hidden.activation must be \"tanh\" or \"relu\", not " +
            (activation != nullptr ? dump_json(*activation) : std::string("missing"));
    return false;
  }

  const Json* output = member(json, "output");
  if (output == nullptr || !output->is_object()) {
    error = "network.output must be an object {\"weights\", \"bias\"}";
    return false;
  }
  if (!read_floats(member(*output, "weights"), "network.output.weights", units, net.output_weights, error))
    return false;
  const Json* bias = member(*output, "bias");
  if (bias == nullptr || !read_float(*bias, net.output_bias)) {
    error = "network.output.bias must be a number";
    return false;
  }
  out = std::move(net);
  return true;
}

// Adds the network's output to each sentence's score; does nothing when the inputs cannot be
// built (a feature the table lacks, embeddings missing or of another size).
void add_network_scores(const FeatureTable& features, const ScorerNetwork& net, const Embeddings* embeddings,
                        std::vector<float>& scores) {
  using Kind = ScorerNetwork::Input::Kind;
  const size_t n = features.rows.size();
  const auto malformed = [&](const std::vector<float>& row) { return row.size() != features.names.size(); };
  if (n == 0 || std::any_of(features.rows.begin(), features.rows.end(), malformed)) return;
  const bool uses_embeddings = net.embedding_dim > 0;
  if (uses_embeddings && (embeddings == nullptr || embeddings->dim != net.embedding_dim || embeddings->count() != n))
    return;

  // Where each input's value comes from, and what it is centred on (per document, computed once).
  struct Source {
    Kind kind;
    size_t column = 0;
    float mean = 0;
  };
  std::vector<Source> sources;
  sources.reserve(net.inputs.size());
  for (const auto& input : net.inputs) {
    Source source{input.kind};
    if (input.kind != Kind::centred_embedding) {
      const auto it = std::find(features.names.begin(), features.names.end(), input.feature);
      if (it == features.names.end()) return;
      source.column = size_t(it - features.names.begin());
      if (input.kind == Kind::centred_feature) {
        double sum = 0;
        for (const auto& row : features.rows) sum += row[source.column];
        source.mean = float(sum / double(n));
      }
    }
    sources.push_back(source);
  }
  std::vector<float> embedding_mean;
  if (uses_embeddings) {
    std::vector<double> sum(net.embedding_dim, 0.0);
    for (size_t i = 0; i < n; ++i)
      for (size_t k = 0; k < net.embedding_dim; ++k) sum[k] += embeddings->row(i)[k];
    embedding_mean.reserve(net.embedding_dim);
    for (double s : sum) embedding_mean.push_back(float(s / double(n)));
  }

  const size_t columns = net.columns();
  const float* mean = net.input_mean.data();
  const float* scale = net.input_scale.data();
  std::vector<float> x(columns);
  for (size_t i = 0; i < n; ++i) {
    size_t d = 0;
    for (const Source& source : sources) {
      if (source.kind == Kind::centred_embedding) {
        const float* e = embeddings->row(i);
        for (size_t k = 0; k < net.embedding_dim; ++k, ++d) x[d] = (e[k] - embedding_mean[k] - mean[d]) / scale[d];
      } else {
        x[d] = (features.rows[i][source.column] - source.mean - mean[d]) / scale[d];
        ++d;
      }
    }
    float out = net.output_bias;
    for (size_t c = 0; c < columns; ++c) out += net.skip[c] * x[c];
    for (size_t h = 0; h < net.hidden(); ++h) {
      const float* w = net.hidden_weights.data() + h * columns;
      float z = net.hidden_bias[h];
      for (size_t c = 0; c < columns; ++c) z += w[c] * x[c];
      const float a = net.activation == ScorerNetwork::Activation::tanh ? std::tanh(z) : std::max(z, 0.f);
      out += net.output_weights[h] * a;
    }
    scores[i] += out;
  }
}

}  // namespace

bool parse_scorer_weights(std::string_view json, size_t embedding_dim, ScorerWeights& out, std::string& error) {
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
  if (member(*doc, "dangling_penalty") != nullptr &&
      (!read_number(*doc, "dangling_penalty", parsed.dangling_penalty, error) || parsed.dangling_penalty < 0 ||
       parsed.dangling_penalty > 1)) {
    error = "scorer weights: \"dangling_penalty\" must be a number in [0, 1]";
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
  if (const Json* network = member(*doc, "network")) {
    parsed.network.emplace();
    if (!parse_network(*network, embedding_dim, *parsed.network, error)) {
      error = "scorer weights: " + error;
      return false;
    }
  }
  out = std::move(parsed);
  return true;
}

std::vector<float> score_sentences(const FeatureTable& features, const ScorerWeights& weights,
                                   const Embeddings* embeddings, std::string_view lang) {
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
  if (weights.network && weights.network->applies_to(lang)) add_network_scores(features, *weights.network, embeddings, scores);
  return scores;
}

}  // namespace precis
