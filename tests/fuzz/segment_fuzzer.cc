// Segmentation of clean text: ordered, non-empty, non-overlapping spans inside the text, for every
// language's abbreviation list (the first byte picks one).
#include <cstdint>
#include <string_view>

#include "clean.h"
#include "fuzz_support.h"
#include "segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"en", "fr", "de", "es", "it", "pt", "nl", "und", "zh"};
  std::string_view lang = kLanguages[data[0] % 9];
  precis::CleanText c = precis::clean(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  size_t previous_end = 0;
  for (precis::Span s : precis::split_sentences(c.text, lang)) {
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.begin >= previous_end);
    FUZZ_CHECK(s.end <= c.text.size());
    FUZZ_CHECK(is_valid_utf8(std::string_view(c.text).substr(s.begin, s.size())));
    previous_end = s.end;
  }
  return 0;
}
