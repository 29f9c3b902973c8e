#include "pooling.h"

#include <cmath>

namespace precis {

void l2_normalize(float* v, size_t dim) {
  double norm = 0;
  for (size_t k = 0; k < dim; ++k) norm += double(v[k]) * v[k];
  if (norm <= 0 || !std::isfinite(norm)) {
    for (size_t k = 0; k < dim; ++k) v[k] = 0;   // NaN or zero output: no direction to keep
    return;
  }
  const float scale = static_cast<float>(1.0 / std::sqrt(norm));
  for (size_t k = 0; k < dim; ++k) v[k] *= scale;
}

std::string pool_rows(const Manifest& manifest, const float* data, const std::vector<int64_t>& dims,
                      const std::vector<int32_t>& mask, size_t rows, size_t cols, std::vector<float>& out) {
  const size_t dim = static_cast<size_t>(manifest.dimension);
  const auto shape_error = [&](const char* expected) {
    std::string got;
    for (int64_t d : dims) got += (got.empty() ? "" : ", ") + std::to_string(d);
    return "encoder output \"" + manifest.output_name + "\" has shape [" + got + "], expected " + expected;
  };
  out.assign(rows * dim, 0.0f);

  if (dims.size() == 2) {
    if (dims[0] != int64_t(rows) || dims[1] != int64_t(dim))
      return shape_error("[rows, dimension] (pooled)");
    out.assign(data, data + rows * dim);
  } else if (dims.size() == 3) {
    if (manifest.pooling == Pooling::kNone)
      return shape_error("pooled vectors: set encoder.pooling to \"mean\" or \"cls\" for token states");
    if (dims[0] != int64_t(rows) || dims[1] != int64_t(cols) || dims[2] != int64_t(dim))
      return shape_error("[rows, tokens, dimension]");
    for (size_t r = 0; r < rows; ++r) {
      float* target = out.data() + r * dim;
      const float* states = data + r * cols * dim;
      if (manifest.pooling == Pooling::kCls) {
        for (size_t k = 0; k < dim; ++k) target[k] = states[k];
        continue;
      }
      size_t count = 0;
      for (size_t t = 0; t < cols; ++t) {
        if (!mask[r * cols + t]) continue;
        ++count;
        for (size_t k = 0; k < dim; ++k) target[k] += states[t * dim + k];
      }
      if (count) for (size_t k = 0; k < dim; ++k) target[k] /= float(count);
    }
  } else {
    return shape_error("2 or 3 dimensions");
  }
  for (size_t r = 0; r < rows; ++r) l2_normalize(out.data() + r * dim, dim);
  return "";
}

}  // namespace precis
