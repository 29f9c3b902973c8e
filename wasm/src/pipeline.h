// The whole pipeline: pasted text in, summary out.
//
// Lexical only, one call:
//   precis::Options options;
//   options.length.sentences = 3;
//   precis::Result r = precis::summarize(text, options);
//
// With a sentence-embedding model, two synchronous phases around the host running the encoder
// (ONNX Runtime natively, onnxruntime-web in JS), so the core never awaits:
//   precis::Job job(text, options, model);          // phase 1: clean, split, features, tokenize
//   for (size_t i = 0; i < job.batches().size(); ++i)
//     job.set_output(i, run_encoder(job.batches()[i]), dims);
//   precis::Result r = job.finish();                 // phase 2: score with embeddings, select
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "embeddings.h"
#include "lexical.h"
#include "model.h"
#include "options.h"
#include "result.h"
#include "scorer.h"
#include "sentence_features.h"

namespace precis {

// Token ids of some sentences, padded to the longest one, for one encoder call.
struct TokenBatch {
  size_t rows = 0, cols = 0;
  std::vector<int32_t> input_ids;        // rows * cols, row-major, padded with the model's pad id
  std::vector<int32_t> attention_mask;   // 1 for real tokens, 0 for padding
  std::vector<size_t> targets;           // per row: the sentence index, or the sentence count for the title
};


// Checks the input's size and the options; "" when they are usable, else what is wrong.
std::string validate(std::string_view text, const Options& options);

// Stages 1-3 and word tokens: the analysed document.
Document analyse(std::string_view text, const Options& options);

class Job {
 public:
  // Phase 1. With a null model there are no batches and finish() scores lexically.
  Job(std::string_view text, Options options, std::shared_ptr<const Model> model);
  Job(std::string_view text, Options options, std::nullptr_t)
      : Job(text, std::move(options), std::shared_ptr<const Model>()) {}

  // Phase 1 for a host that loads its model only when it is needed: once the document is analysed
  // and has sentences, `model_for(lang)` gives the model for its language (null: lexical scoring).
  // The native CLI returns a described-only Model (Model::describe) for a language the model does
  // not serve, so that it neither reads the encoder nor starts ONNX Runtime for that text.
  using ModelFor = std::function<std::shared_ptr<const Model>(const std::string& lang)>;
  Job(std::string_view text, Options options, const ModelFor& model_for);

  const std::string& error() const { return error_; }
  const std::vector<TokenBatch>& batches() const { return batches_; }

  // Hands back the encoder's output for batch i: dims {rows, dim} (pooled) or {rows, cols, dim}
  // (token states, pooled here as the manifest says). Returns "" or what is wrong.
  std::string set_output(size_t batch, const float* data, const std::vector<int64_t>& dims);

  // Scores with `weights` instead of the model's or the built-in lexical ones (fitting candidate
  // weights through the product itself: `precis summarize --scorer FILE`).
  void use_weights(std::shared_ptr<const ScorerWeights> weights) { weights_override_ = std::move(weights); }

  // Phase 2. Uses the embeddings when every batch has its output, else scores lexically and warns.
  Result finish() const;

  // The feature table phase 2 scores (for fitting weights: `precis features`).
  FeatureTable features() const;

  // The pooled, normalised sentence embeddings (zeros for batches without output).
  const Embeddings& embeddings() const { return embeddings_; }
  const Document& document() const { return doc_; }

 private:
  bool embeddings_complete() const;

  std::string input_;
  Options options_;
  std::shared_ptr<const Model> model_;
  std::string error_;
  Document doc_;
  TfIdf tfidf_;
  std::vector<TokenBatch> batches_;
  std::vector<bool> batch_done_;
  Embeddings embeddings_;
  std::shared_ptr<const ScorerWeights> weights_override_;
  int truncated_ = 0;
};

// Lexical-only summary in one call.
Result summarize(std::string_view text, const Options& options);

// Just the sentences (with offsets), the language and what cleaning removed.
Result split(std::string_view text, const Options& options);

}  // namespace precis
