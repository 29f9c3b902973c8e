// Cleaning: any bytes in, valid UTF-8 out, and a monotone map back into the input.
#include <cstdint>
#include <string_view>

#include "clean.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  precis::CleanText c = precis::clean(input);
  FUZZ_CHECK(is_valid_utf8(c.text));
  size_t previous = 0;
  for (size_t i = 0; i <= c.text.size(); ++i) {
    size_t original = c.to_original(i);
    FUZZ_CHECK(original <= input.size());
    FUZZ_CHECK(original >= previous);
    previous = original;
  }
  for (const precis::Removal& r : c.removed) {
    FUZZ_CHECK(r.original.begin <= r.original.end);
    FUZZ_CHECK(r.original.end <= input.size());
  }
  return 0;
}
