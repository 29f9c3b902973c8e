// SHA-256, so that native and JS hosts verify model files with one implementation.
#pragma once
#include <string>
#include <string_view>

namespace precis {

// Lowercase hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace precis
