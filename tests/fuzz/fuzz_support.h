// Invariants every fuzz target checks. A violated invariant aborts, which libFuzzer reports as a
// crash with the input that caused it.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "utf8.h"

#define FUZZ_CHECK(condition)                                                  \
  do {                                                                         \
    if (!(condition)) {                                                        \
      std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #condition,       \
                   __FILE__, __LINE__);                                        \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

inline bool is_valid_utf8(std::string_view text) {
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length)
    if (!precis::valid_utf8_at(text, pos, length)) return false;
  return true;
}
