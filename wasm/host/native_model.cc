#include "native_model.h"

#include <fstream>
#include <sstream>

#include <onnxruntime_cxx_api.h>

namespace precis {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return !in.bad();
}

NativeModel::NativeModel() = default;
NativeModel::~NativeModel() = default;

std::string NativeModel::open(const std::string& dir, int threads) {
  std::string manifest_json, tokenizer, scorer, encoder, error;
  if (!read_file(dir + "/manifest.json", manifest_json))
    return dir + "/manifest.json: cannot read (is this a model folder?)";
  std::optional<Manifest> manifest = parse_manifest(manifest_json, error);
  if (!manifest) return dir + "/" + error;
  read_file(dir + "/" + manifest->tokenizer.file, tokenizer);
  read_file(dir + "/" + manifest->encoder.file, encoder);
  if (manifest->scorer) read_file(dir + "/" + manifest->scorer->file, scorer);
  if (std::string e = verify_file(manifest->encoder, encoder); !e.empty()) return dir + "/" + e;

  auto model = std::make_shared<Model>();
  if (std::string e = model->load(manifest_json, tokenizer, scorer); !e.empty()) return dir + "/" + e;

  try {
    env_ = std::make_unique<Ort::Env>(ORT_LOGGING_LEVEL_ERROR, "precis");
    Ort::SessionOptions options;
    options.SetIntraOpNumThreads(threads);
    options.SetInterOpNumThreads(1);
    session_ = std::make_unique<Ort::Session>(*env_, encoder.data(), encoder.size(), options);
    // The manifest's names must exist in the graph, or every run would fail later.
    Ort::AllocatorWithDefaultOptions allocator;
    std::vector<std::string> inputs, outputs;
    for (size_t i = 0; i < session_->GetInputCount(); ++i)
      inputs.push_back(session_->GetInputNameAllocated(i, allocator).get());
    for (size_t i = 0; i < session_->GetOutputCount(); ++i)
      outputs.push_back(session_->GetOutputNameAllocated(i, allocator).get());
    const Manifest& m = model->manifest();
    auto has = [](const std::vector<std::string>& names, const std::string& name) {
      return std::find(names.begin(), names.end(), name) != names.end();
    };
    for (const std::string* name : {&m.input_ids_name, &m.attention_mask_name})
      if (!has(inputs, *name)) return dir + "/" + m.encoder.file + ": the graph has no input \"" + *name + "\"";
    if (m.token_type_ids_name && !has(inputs, *m.token_type_ids_name))
      return dir + "/" + m.encoder.file + ": the graph has no input \"" + *m.token_type_ids_name + "\"";
    if (!has(outputs, m.output_name))
      return dir + "/" + m.encoder.file + ": the graph has no output \"" + m.output_name + "\"";
  } catch (const Ort::Exception& e) {
    session_.reset();
    return dir + "/" + manifest->encoder.file + ": ONNX Runtime cannot load it (" + e.what() + ")";
  }
  model_ = std::move(model);
  return "";
}

std::string NativeModel::embed(Job& job) {
  if (!session_) return "no model is loaded";
  const Manifest& m = model_->manifest();
  Ort::MemoryInfo memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
  std::vector<const char*> input_names = {m.input_ids_name.c_str(), m.attention_mask_name.c_str()};
  if (m.token_type_ids_name) input_names.push_back(m.token_type_ids_name->c_str());
  const char* output_name = m.output_name.c_str();

  for (size_t b = 0; b < job.batches().size(); ++b) {
    const TokenBatch& batch = job.batches()[b];
    const std::vector<int64_t> shape = {int64_t(batch.rows), int64_t(batch.cols)};
    std::vector<int64_t> ids(batch.input_ids.begin(), batch.input_ids.end());
    std::vector<int64_t> mask(batch.attention_mask.begin(), batch.attention_mask.end());
    std::vector<int64_t> types(ids.size(), 0);
    std::vector<Ort::Value> inputs;
    for (auto* data : {&ids, &mask, &types}) {
      if (inputs.size() == input_names.size()) break;
      inputs.push_back(Ort::Value::CreateTensor<int64_t>(memory, data->data(), data->size(), shape.data(), shape.size()));
    }
    try {
      auto outputs = session_->Run(Ort::RunOptions{nullptr}, input_names.data(), inputs.data(),
                                   inputs.size(), &output_name, 1);
      auto info = outputs[0].GetTensorTypeAndShapeInfo();
      if (info.GetElementType() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT)
        return m.encoder.file + ": output \"" + m.output_name + "\" is not float32";
      std::string error = job.set_output(b, outputs[0].GetTensorData<float>(), info.GetShape());
      if (!error.empty()) return m.encoder.file + ": " + error;
    } catch (const Ort::Exception& e) {
      return m.encoder.file + ": inference failed (" + e.what() + ")";
    }
  }
  return "";
}

}  // namespace precis
