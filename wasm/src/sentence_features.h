// Per-sentence features that the scorer weighs. Feature names are a stable contract: fitted
// weight files (scorer.json) refer to them by name.
#pragma once
#include <string>
#include <vector>

#include "document.h"
#include "embeddings.h"
#include "lexical.h"

namespace precis {

struct FeatureTable {
  std::vector<std::string> names;          // one per column
  std::vector<std::vector<float>> rows;    // one row per sentence
};

// Lexical and position features always; embedding features too when `embeddings` is non-null.
FeatureTable sentence_features(const Document& doc, const TfIdf& tfidf, const Embeddings* embeddings);

}  // namespace precis
