// The native host: loads a model folder from disk and runs its ONNX encoder with ONNX Runtime's
// C++ API between the pipeline's two phases (see pipeline.h).
//
//   NativeModel model;
//   if (std::string error = model.open("models/precis-base", 1); !error.empty()) ...;
//   precis::Job job(text, options, model.model());
//   model.embed(job);                    // fills every batch's output
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

  // Reads manifest.json and the files it names from `dir`, checks their sha256, creates the ONNX
  // Runtime session with `threads` intra-op threads (0 = ONNX Runtime's default).
  // Returns "" or a message naming the file at fault.
  std::string open(const std::string& dir, int threads);

  std::shared_ptr<const Model> model() const { return model_; }

  // Runs the encoder over every batch of the job and hands the outputs back to it.
  std::string embed(Job& job);

 private:
  std::shared_ptr<Model> model_;
  std::unique_ptr<Ort::Env> env_;
  std::unique_ptr<Ort::Session> session_;
};

// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace precis
