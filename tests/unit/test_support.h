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

#include "document.h"
#include "lexical.h"
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

namespace precis::testing {

// A Document built by hand from sentences (joined by spaces), their paragraph numbers (all 0 when
// empty) and a title: what the pipeline's first stages make from clean text in real use.
inline Document make_document(const std::vector<std::string>& sentences, std::vector<int> paragraphs = {},
                              const std::string& title = "") {
  Document doc;
  doc.lang = "en";
  for (const auto& s : sentences) {
    if (!doc.clean.text.empty()) doc.clean.text += ' ';
    doc.sentences.push_back({doc.clean.text.size(), doc.clean.text.size() + s.size()});
    doc.clean.text += s;
    doc.words.push_back(word_tokens(s));
  }
  doc.paragraph = paragraphs.empty() ? std::vector<int>(sentences.size(), 0) : paragraphs;
  doc.title_words = word_tokens(title);
  return doc;
}

}  // namespace precis::testing
