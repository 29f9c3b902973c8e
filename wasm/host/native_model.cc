#include "native_model.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

// The ONNX Runtime library is opened with dlopen when a model is first used (see load_onnxruntime),
// not linked: loading and relocating its 46 MB cost more than a whole lexical run.
#define ORT_API_MANUAL_INIT
#include <onnxruntime_cxx_api.h>

namespace precis {
namespace {

// Opens libonnxruntime once per process and points the C++ API at it: $PRECIS_ONNXRUNTIME, else
// the library this binary was built against (PRECIS_ONNXRUNTIME_LIBRARY), else the system's.
// Returns "" or why it cannot be used.
std::string load_onnxruntime() {
  static const std::string error = [] {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("PRECIS_ONNXRUNTIME")) {
      candidates.push_back(env);   // an explicit choice is not second-guessed
    } else {
#ifdef PRECIS_ONNXRUNTIME_LIBRARY
      candidates.push_back(PRECIS_ONNXRUNTIME_LIBRARY);
#endif
      candidates.push_back("libonnxruntime.so.1");
    }
    std::string why;
    for (const std::string& path : candidates) {
      void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!library) {
        why += std::string(why.empty() ? "" : "; ") + dlerror();
        continue;
      }
      using GetApiBase = const OrtApiBase* (*)();
      auto get_api_base = reinterpret_cast<GetApiBase>(dlsym(library, "OrtGetApiBase"));
      const OrtApi* api = get_api_base ? get_api_base()->GetApi(ORT_API_VERSION) : nullptr;
      if (!api) {
        why += "; " + path + " does not provide ONNX Runtime's API version " + std::to_string(ORT_API_VERSION);
        continue;
      }
      Ort::InitApi(api);
      return std::string();
    }
    return "cannot load ONNX Runtime (" + why + "; set PRECIS_ONNXRUNTIME to libonnxruntime.so.1's path)";
  }();
  return error;
}

bool file_exists(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

bool read_file(const std::string& path, std::string& out) {
  // One read into a buffer of the file's size: a stream copied through ostringstream grew and
  // copied the 8 MB encoder several times (a fifth of the model's start-up).
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  struct stat info;
  bool ok = fstat(fileno(file), &info) == 0;
  if (ok && S_ISREG(info.st_mode)) {
    out.resize(static_cast<size_t>(info.st_size));
    ok = std::fread(out.data(), 1, out.size(), file) == out.size();
  } else if (ok) {   // a pipe or device: read until the end
    out.clear();
    char chunk[65536];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) out.append(chunk, n);
    ok = !std::ferror(file);
  }
  std::fclose(file);
  return ok;
}

NativeModel::NativeModel() = default;
NativeModel::~NativeModel() = default;

std::string NativeModel::open(const std::string& dir, int threads) {
  dir_ = dir;
  threads_ = threads;
  if (!read_file(dir + "/manifest.json", manifest_json_))
    return dir + "/manifest.json: cannot read (is this a model folder?)";
  auto described = std::make_shared<Model>();
  if (std::string e = described->describe(manifest_json_); !e.empty()) return dir + "/" + e;
  const Manifest& m = described->manifest();
  std::vector<const ManifestFile*> files = {&m.tokenizer, &m.encoder};
  if (m.scorer) files.push_back(&*m.scorer);
  for (const ManifestFile* f : files)
    if (!file_exists(dir + "/" + f->file)) return dir + "/" + f->file + ": cannot read";
  described_ = std::move(described);
  return "";
}

std::shared_ptr<const Model> NativeModel::for_language(const std::string& lang) {
  if (!described_) return nullptr;
  if (!described_->serves(lang)) return described_;
  if (!tried_) {
    tried_ = true;
    error_ = load();
    if (!error_.empty()) {
      loaded_.reset();
      session_.reset();
    }
  }
  return loaded_;
}

std::string NativeModel::load() {
  const Manifest& manifest = described_->manifest();
  std::string tokenizer, scorer, encoder;
  for (auto [entry, bytes] : {std::pair{&manifest.tokenizer, &tokenizer}, {&manifest.encoder, &encoder}})
    if (!read_file(dir_ + "/" + entry->file, *bytes)) return dir_ + "/" + entry->file + ": cannot read";
  if (manifest.scorer && !read_file(dir_ + "/" + manifest.scorer->file, scorer))
    return dir_ + "/" + manifest.scorer->file + ": cannot read";
  if (std::string e = verify_file(manifest.encoder, encoder); !e.empty()) return dir_ + "/" + e;

  auto model = std::make_shared<Model>();
  if (std::string e = model->load(manifest_json_, tokenizer, scorer); !e.empty()) return dir_ + "/" + e;
  if (std::string e = load_onnxruntime(); !e.empty()) return e;

  try {
    env_ = std::make_unique<Ort::Env>(ORT_LOGGING_LEVEL_ERROR, "precis");
    Ort::SessionOptions options;
    options.SetIntraOpNumThreads(threads_);
    options.SetInterOpNumThreads(1);
    // Batches are small (32 sentences), so the arena and the memory pattern planner save little
    // time and keep their high-water mark: without them peak memory on 100k words is lower.
    options.DisableCpuMemArena();
    options.DisableMemPattern();
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
      if (!has(inputs, *name)) return dir_ + "/" + m.encoder.file + ": the graph has no input \"" + *name + "\"";
    if (m.token_type_ids_name && !has(inputs, *m.token_type_ids_name))
      return dir_ + "/" + m.encoder.file + ": the graph has no input \"" + *m.token_type_ids_name + "\"";
    if (!has(outputs, m.output_name))
      return dir_ + "/" + m.encoder.file + ": the graph has no output \"" + m.output_name + "\"";
  } catch (const Ort::Exception& e) {
    return dir_ + "/" + manifest.encoder.file + ": ONNX Runtime cannot load it (" + e.what() + ")";
  }
  loaded_ = std::move(model);
  return "";
}

std::string NativeModel::embed(Job& job) {
  if (job.batches().empty()) return "";   // an unserved language or no sentences: nothing to run
  if (!session_) return "no model is loaded";
  const Manifest& m = loaded_->manifest();
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
