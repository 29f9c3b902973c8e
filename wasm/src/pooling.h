// Turns an encoder's raw output into one L2-normalised vector per row, as its manifest says.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model.h"

namespace precis {

// `data` has shape `dims`: {rows, dim} when the model pools itself, {rows, cols, dim} for token
// states (pooled by the mask: mean, or the first token). `mask` is the batch's attention mask
// (rows * cols). Writes rows * dim values to `out`. Returns "" or why the output does not fit.
std::string pool_rows(const Manifest& manifest, const float* data, const std::vector<int64_t>& dims,
                      const std::vector<int32_t>& mask, size_t rows, size_t cols, std::vector<float>& out);

// Scales v (length dim) to unit length; a zero vector stays zero.
void l2_normalize(float* v, size_t dim);

}  // namespace precis
