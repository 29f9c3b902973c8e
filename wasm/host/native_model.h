// The native host: a model folder on disk whose ONNX encoder runs with ONNX Runtime's C++ API
// between the pipeline's two phases (see pipeline.h).
//
// Loading is lazy, so that a run that does not use the model costs nothing: open() reads the
// manifest alone; the other files are read, hashed and parsed, and libonnxruntime is dlopen'ed
// and its session created, on the first for_language() call for a language the model serves.
//
//   NativeModel model;
//   if (std::string error = model.open("models/precis-base", 1); !error.empty()) ...;
//   precis::Job job(text, options, [&](const std::string& lang) { return model.for_language(lang); });
//   model.embed(job);                    // fills every batch's output (nothing to do when unserved)
//   precis::Result result = job.finish();
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "pipeline.h"

namespace Ort { struct Env; struct Session; }

namespace precis {

class NativeModel {
 public:
  NativeModel();
  ~NativeModel();

  // Reads and checks `dir`/manifest.json and that the files it names exist; `threads` is the ONNX
  // Runtime session's intra-op thread count (0 = ONNX Runtime's default), used when it starts.
  // Returns "" or a message naming the file at fault.
  std::string open(const std::string& dir, int threads);

  // The model for text in `lang`. For a language the manifest serves: the loaded model, loading it
  // on the first call (sha256 of every file, tokenizer, scorer, ONNX Runtime session); null when
  // that failed (error() says why, and later calls do not retry). For any other language: the
  // model described by its manifest alone, so that the job scores lexically and says why.
  std::shared_ptr<const Model> for_language(const std::string& lang);

  // The model as described by its manifest (name, languages, dimension); null before open().
  std::shared_ptr<const Model> described() const { return described_; }

  // Why loading failed, with the folder; "" when it has not failed.
  const std::string& error() const { return error_; }

  // Runs the encoder over every batch of the job and hands the outputs back to it.
  std::string embed(Job& job);

 private:
  std::string load();

  std::string dir_;
  int threads_ = 0;
  std::string manifest_json_;
  std::shared_ptr<Model> described_, loaded_;
  std::string error_;
  bool tried_ = false;
  std::unique_ptr<Ort::Env> env_;
  std::unique_ptr<Ort::Session> session_;
};

// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace precis
