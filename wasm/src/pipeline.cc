#include "pipeline.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "clean.h"
#include "langid.h"
#include "pooling.h"
#include "scorer.h"
#include "segment.h"
#include "select.h"
#include "utf8.h"

namespace precis {
namespace {

bool is_language_code(const std::string& lang) {
  if (lang == "auto") return true;
  if (lang.size() < 2 || lang.size() > 3) return false;
  return std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A size for messages: bytes below a megabyte, else megabytes with one decimal.
std::string readable_size(size_t bytes) {
  if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", double(bytes) / (1 << 20));
  return buffer;
}

// Converts byte offsets into UTF-16 code unit offsets over `input`, for all requested offsets in
// one pass. Malformed bytes count one unit each, except the 3-byte encoding of a lone surrogate
// (what a JS string with one turns into), which is one unit in JS.
class Utf16Offsets {
 public:
  void request(size_t byte_offset) { wanted_.push_back(byte_offset); }
  void compute(std::string_view input) {
    std::sort(wanted_.begin(), wanted_.end());
    wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
    units_.resize(wanted_.size());
    size_t pos = 0, units = 0, next = 0;
    while (next < wanted_.size()) {
      while (next < wanted_.size() && wanted_[next] <= pos) units_[next++] = units;
      if (pos >= input.size()) { while (next < wanted_.size()) units_[next++] = units; break; }
      size_t length = 1;
      if (valid_utf8_at(input, pos, length)) {
        units += length == 4 ? 2 : 1;
      } else if (static_cast<unsigned char>(input[pos]) == 0xED && pos + 2 < input.size()) {
        length = 3;
        units += 1;
      } else {
        length = 1;
        units += 1;
      }
      pos += length;
    }
  }
  size_t operator()(size_t byte_offset) const {
    auto it = std::lower_bound(wanted_.begin(), wanted_.end(), byte_offset);
    return units_[static_cast<size_t>(it - wanted_.begin())];
  }
  Span operator()(Span bytes) const { return {(*this)(bytes.begin), (*this)(bytes.end)}; }

 private:
  std::vector<size_t> wanted_, units_;
};

// Fills the parts of a result every command shares: language, removals, sentence offsets.
struct ResultBuilder {
  const Document& doc;
  std::string_view input;
  std::vector<Span> sentence_bytes;
  Utf16Offsets utf16;

  ResultBuilder(const Document& d, std::string_view in) : doc(d), input(in) {
    for (Span s : doc.sentences) {
      sentence_bytes.push_back(doc.clean.to_original(s));
      utf16.request(sentence_bytes.back().begin);
      utf16.request(sentence_bytes.back().end);
    }
    for (const Removal& r : doc.clean.removed) {
      utf16.request(r.original.begin);
      utf16.request(r.original.end);
    }
    utf16.compute(input);
  }

  SentenceResult sentence(size_t i, float score) const {
    SentenceResult s;
    s.index = i;
    s.text = std::string(doc.clean.text.substr(doc.sentences[i].begin, doc.sentences[i].size()));
    s.bytes = sentence_bytes[i];
    s.utf16 = utf16(s.bytes);
    s.score = score;
    return s;
  }

  Result base() const {
    Result r;
    r.lang = doc.lang;
    r.detected = doc.detected;
    for (const Removal& x : doc.clean.removed)
      r.removed.push_back({x.text, x.reason, x.original, utf16(x.original)});
    r.stats.sentences = doc.sentences.size();
    for (const auto& words : doc.words) r.stats.words += words.size();
    r.stats.invalid_bytes = doc.clean.invalid_bytes;
    if (doc.clean.invalid_bytes > 0)
      r.warnings.push_back(std::to_string(doc.clean.invalid_bytes) +
                           " bytes were not valid UTF-8 and were replaced");
    if (doc.sentences.empty()) r.warnings.push_back("the text has no sentences to summarize");
    return r;
  }
};

}  // namespace

std::string validate(std::string_view text, const Options& o) {
  if (text.size() > o.max_input_bytes)
    return "the text is " + readable_size(text.size()) + "; the maximum is " + readable_size(o.max_input_bytes) +
           " (split it into parts)";
  const Length& l = o.length;
  if (l.sentences < 0) return "sentences must be 0 or more";
  if (l.words < 0) return "words must be 0 or more";
  if (!(l.ratio >= 0 && l.ratio <= 1)) return "ratio must be between 0 and 1";
  if (!(o.redundancy == -1 || (o.redundancy >= 0 && o.redundancy <= 1)))
    return "redundancy must be between 0 and 1";
  if (!is_language_code(o.lang)) return "lang must be \"auto\" or a language code such as \"fr\"";
  if (o.batch_rows < 1 || o.batch_rows > 4096) return "batch_rows must be between 1 and 4096";
  return "";
}

Document analyse(std::string_view text, const Options& options) {
  Document doc;
  doc.clean = clean(text);
  doc.detected = detect_language(doc.clean.text);
  if (options.lang != "auto") doc.lang = options.lang;
  else doc.lang = doc.detected.reliable ? doc.detected.code : "und";
  doc.sentences = split_sentences(doc.clean.text, doc.lang);

  int paragraph = 0;
  size_t previous_end = 0;
  for (Span s : doc.sentences) {
    if (doc.clean.text.find('\n', previous_end) < s.begin) ++paragraph;
    previous_end = s.end;
    doc.paragraph.push_back(paragraph);
    doc.words.push_back(word_tokens(std::string_view(doc.clean.text).substr(s.begin, s.size())));
  }
  if (!options.title.empty()) {
    doc.title = clean(options.title).text;
    doc.title_words = word_tokens(doc.title);
  }
  return doc;
}

Job::Job(std::string_view text, Options options, std::shared_ptr<const Model> model)
    : Job(text, std::move(options), [&model](const std::string&) { return model; }) {
  model_ = std::move(model);   // also when the document has no sentences, as before
}

Job::Job(std::string_view text, Options options, const ModelFor& model_for) : options_(std::move(options)) {
  if (error_ = validate(text, options_); !error_.empty()) return;
  input_ = std::string(text);
  doc_ = analyse(input_, options_);
  tfidf_ = tfidf_vectors(doc_.words, doc_.title_words, doc_.lang);
  if (doc_.sentences.empty() || !model_for) return;
  model_ = model_for(doc_.lang);
  if (!model_ || !model_->serves(doc_.lang) || !model_->loaded()) return;

  // Rows: every sentence, then the title. Sorting rows by token count before batching keeps
  // padding (wasted encoder work) small.
  std::vector<std::vector<int32_t>> rows;
  for (Span s : doc_.sentences) {
    bool truncated = false;
    auto ids = model_->token_ids(std::string_view(doc_.clean.text).substr(s.begin, s.size()), truncated);
    truncated_ += truncated;
    rows.emplace_back(ids.begin(), ids.end());
  }
  if (!doc_.title_words.empty()) {
    bool truncated = false;
    auto ids = model_->token_ids(doc_.title, truncated);
    rows.emplace_back(ids.begin(), ids.end());
  }
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rows[a].size() < rows[b].size(); });

  const int32_t pad = model_->manifest().pad_id;
  const size_t batch_rows = static_cast<size_t>(options_.batch_rows);
  for (size_t start = 0; start < order.size(); start += batch_rows) {
    TokenBatch batch;
    batch.rows = std::min(batch_rows, order.size() - start);
    for (size_t r = 0; r < batch.rows; ++r) batch.cols = std::max(batch.cols, rows[order[start + r]].size());
    batch.cols = std::max<size_t>(batch.cols, 1);
    batch.input_ids.assign(batch.rows * batch.cols, pad);
    batch.attention_mask.assign(batch.rows * batch.cols, 0);
    for (size_t r = 0; r < batch.rows; ++r) {
      const auto& ids = rows[order[start + r]];
      std::copy(ids.begin(), ids.end(), batch.input_ids.begin() + r * batch.cols);
      std::fill_n(batch.attention_mask.begin() + r * batch.cols, ids.size(), 1);
      batch.targets.push_back(order[start + r]);
    }
    batches_.push_back(std::move(batch));
  }
  batch_done_.assign(batches_.size(), false);
  embeddings_.dim = static_cast<size_t>(model_->manifest().dimension);
  embeddings_.sentences.assign(doc_.sentences.size() * embeddings_.dim, 0.0f);
  if (!doc_.title_words.empty()) embeddings_.title.assign(embeddings_.dim, 0.0f);
}

std::string Job::set_output(size_t index, const float* data, const std::vector<int64_t>& dims) {
  if (!error_.empty()) return error_;
  if (index >= batches_.size()) return "batch " + std::to_string(index) + " does not exist";
  const TokenBatch& batch = batches_[index];
  std::vector<float> pooled;
  std::string error = pool_rows(model_->manifest(), data, dims, batch.attention_mask, batch.rows,
                                batch.cols, pooled);
  if (!error.empty()) return error;
  const size_t dim = embeddings_.dim;
  for (size_t r = 0; r < batch.rows; ++r) {
    size_t target = batch.targets[r];
    float* row = target < doc_.sentences.size() ? embeddings_.sentences.data() + target * dim
                                                : embeddings_.title.data();
    std::copy_n(pooled.data() + r * dim, dim, row);
  }
  batch_done_[index] = true;
  return "";
}

bool Job::embeddings_complete() const {
  return model_ && !batches_.empty() && std::all_of(batch_done_.begin(), batch_done_.end(), [](bool b) { return b; });
}

FeatureTable Job::features() const {
  return sentence_features(doc_, tfidf_, embeddings_complete() ? &embeddings_ : nullptr);
}

Result Job::finish() const {
  if (!error_.empty()) return error_result(error_);
  ResultBuilder build(doc_, input_);
  Result result = build.base();
  if (doc_.sentences.empty()) return result;

  const Embeddings* embeddings = embeddings_complete() ? &embeddings_ : nullptr;
  if (model_ && !model_->serves(doc_.lang))
    result.warnings.push_back("the model " + model_->manifest().name + " does not cover this language (" + doc_.lang +
                              "); lexical scoring was used");
  else if (model_ && !embeddings)
    result.warnings.push_back("the model did not return every embedding; lexical scoring was used");
  const ScorerWeights weights = weights_override_ ? *weights_override_
                                : embeddings       ? model_->weights()
                                                   : default_lexical_weights();
  result.scorer = weights.name;
  result.stats.truncated_sentences = truncated_;
  if (truncated_ > 0)
    result.warnings.push_back(std::to_string(truncated_) + " sentences were longer than the model's " +
                              std::to_string(model_->manifest().max_tokens) +
                              " tokens; only their beginning was embedded");

  std::vector<float> scores = score_sentences(sentence_features(doc_, tfidf_, embeddings), weights, embeddings, doc_.lang);
  double redundancy = options_.redundancy >= 0 ? options_.redundancy : weights.redundancy;
  const std::vector<size_t> chosen =
      select_sentences(doc_, scores, tfidf_, embeddings, options_.length, redundancy, weights.dangling_penalty);
  for (size_t i : chosen) {
    result.summary.push_back(build.sentence(i, scores[i]));
    result.stats.summary_words += doc_.words[i].size();
  }
  result.stats.dangling_openers = count_dangling_openers(doc_, chosen);
  if (options_.all_sentences)
    for (size_t i = 0; i < doc_.sentences.size(); ++i) result.sentences.push_back(build.sentence(i, scores[i]));
  return result;
}

Result summarize(std::string_view text, const Options& options) {
  return Job(text, options, nullptr).finish();
}

Result split(std::string_view text, const Options& options) {
  if (std::string error = validate(text, options); !error.empty()) return error_result(error);
  Document doc = analyse(text, options);
  ResultBuilder build(doc, text);
  Result result = build.base();
  for (size_t i = 0; i < doc.sentences.size(); ++i) result.sentences.push_back(build.sentence(i, 0));
  return result;
}

}  // namespace precis
