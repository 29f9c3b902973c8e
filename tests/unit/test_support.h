// Helpers shared by the unit tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace precis::testing {

// Reads tests/fixtures/<relative> (works natively and under node, through NODERAWFS).
inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(PRECIS_FIXTURES_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace precis::testing

#include "model.h"

namespace precis::testing {

// A file of a model made by scripts/make-test-models (see tests/unit/CMakeLists.txt).
inline std::string read_test_model_file(const std::string& model, const std::string& file) {
  std::ifstream in(std::string(PRECIS_TEST_MODELS_DIR) + "/" + model + "/" + file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Loads a test model's manifest, tokenizer and scorer (if any) into `model`; returns load()'s error.
inline std::string read_test_model(const std::string& name, Model& model) {
  return model.load(read_test_model_file(name, "manifest.json"), read_test_model_file(name, "tokenizer.model"),
                    read_test_model_file(name, "scorer.json"));
}

}  // namespace precis::testing
