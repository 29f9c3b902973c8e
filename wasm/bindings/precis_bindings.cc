// embind glue: JS types in, JS types out, no logic. The API is documented in web/precis.js, which
// is the only intended caller. Results cross as JSON strings so that the JS module sees exactly
// the CLI's `--format json` shape.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "options_json.h"
#include "pipeline.h"
#include "sha256.h"

using emscripten::val;

namespace precis {
namespace {

// Options from the JS side's JSON text; an error becomes a result error.
bool read_options(const std::string& json, Options& options, std::string& error) {
  error = apply_options_json(json, options);
  return error.empty();
}

template <typename T>
val copy_to_js(const std::vector<T>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

class JobHandle {
 public:
  JobHandle(const std::string& text, const Options& options, std::shared_ptr<const Model> model, std::string error)
      : job_(error.empty() ? text : std::string(), options, std::move(model)), error_(std::move(error)) {}

  std::string error() const { return error_.empty() ? job_.error() : error_; }
  size_t batch_count() const { return error().empty() ? job_.batches().size() : 0; }
  val batch_shape(size_t i) const {
    val shape = val::array();
    if (i < batch_count()) {
      shape.call<void>("push", job_.batches()[i].rows);
      shape.call<void>("push", job_.batches()[i].cols);
    }
    return shape;
  }
  val input_ids(size_t i) const { return i < batch_count() ? copy_to_js(job_.batches()[i].input_ids) : val::null(); }
  val attention_mask(size_t i) const { return i < batch_count() ? copy_to_js(job_.batches()[i].attention_mask) : val::null(); }
  val token_type_ids(size_t i) const {
    return i < batch_count() ? copy_to_js(std::vector<int32_t>(job_.batches()[i].input_ids.size(), 0)) : val::null();
  }
  std::string set_output(size_t i, val data, val dims) {
    std::vector<int64_t> shape;
    const size_t rank = dims["length"].as<size_t>();
    for (size_t k = 0; k < rank; ++k) shape.push_back(static_cast<int64_t>(dims[k].as<double>()));
    std::vector<float> values(data["length"].as<size_t>());
    val(emscripten::typed_memory_view(values.size(), values.data())).call<void>("set", data);
    size_t expected = 1;
    for (int64_t d : shape) expected *= d > 0 ? static_cast<size_t>(d) : 0;
    if (expected != values.size()) return "output has " + std::to_string(values.size()) + " values, its dims say " + std::to_string(expected);
    return job_.set_output(i, values.data(), shape);
  }
  val embeddings() const { return copy_to_js(job_.embeddings().sentences); }
  std::string finish() const {
    return result_to_json(error_.empty() ? job_.finish() : error_result(error_));
  }

 private:
  Job job_;
  std::string error_;
};

class Summarizer {
 public:
  std::string load_model(const std::string& manifest, const std::string& tokenizer, const std::string& scorer) {
    auto model = std::make_shared<Model>();
    std::string error = model->load(manifest, tokenizer, scorer);
    if (error.empty()) model_ = std::move(model);
    return error;
  }
  std::string model_json() const { return model_ ? manifest_to_json(model_->manifest()) : ""; }
  void unload_model() { model_.reset(); }

  std::string summarize(const std::string& text, const std::string& options_json) const {
    Options options;
    std::string error;
    if (!read_options(options_json, options, error)) return result_to_json(error_result(error));
    return result_to_json(precis::summarize(text, options));
  }
  std::string split(const std::string& text, const std::string& options_json) const {
    Options options;
    std::string error;
    if (!read_options(options_json, options, error)) return result_to_json(error_result(error));
    return result_to_json(precis::split(text, options));
  }
  JobHandle* prepare(const std::string& text, const std::string& options_json) const {
    Options options;
    std::string error;
    read_options(options_json, options, error);
    return new JobHandle(text, options, model_, error);
  }

 private:
  std::shared_ptr<const Model> model_;
};

std::string version() { return "0.1.0"; }
std::string sha256(const std::string& bytes) { return sha256_hex(bytes); }

}  // namespace
}  // namespace precis

EMSCRIPTEN_BINDINGS(precis) {
  using namespace emscripten;
  using precis::JobHandle;
  using precis::Summarizer;
  function("version", &precis::version);
  function("sha256", &precis::sha256);
  class_<JobHandle>("Job")
      .function("error", &JobHandle::error)
      .function("batchCount", &JobHandle::batch_count)
      .function("batchShape", &JobHandle::batch_shape)
      .function("inputIds", &JobHandle::input_ids)
      .function("attentionMask", &JobHandle::attention_mask)
      .function("tokenTypeIds", &JobHandle::token_type_ids)
      .function("setOutput", &JobHandle::set_output)
      .function("embeddings", &JobHandle::embeddings)
      .function("finish", &JobHandle::finish);
  class_<Summarizer>("Summarizer")
      .constructor<>()
      .function("loadModel", &Summarizer::load_model)
      .function("modelJson", &Summarizer::model_json)
      .function("unloadModel", &Summarizer::unload_model)
      .function("summarize", &Summarizer::summarize)
      .function("split", &Summarizer::split)
      .function("prepare", &Summarizer::prepare, allow_raw_pointers());
}
