// Sentence embeddings handed back by the host (ONNX Runtime natively, onnxruntime-web in JS).
#pragma once
#include <cstddef>
#include <vector>

namespace precis {

// One L2-normalised row per sentence, in Document::sentences order, plus the title's row when
// the document has a title.
struct Embeddings {
  size_t dim = 0;
  std::vector<float> sentences;   // sentence_count * dim values, row-major
  std::vector<float> title;       // dim values, or empty
  const float* row(size_t i) const { return sentences.data() + i * dim; }
  size_t count() const { return dim ? sentences.size() / dim : 0; }
};

}  // namespace precis
