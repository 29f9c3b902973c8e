// The whole lexical pipeline: options from the first bytes, text from the rest. Every result is
// either an error or sentences whose offsets lie inside the input, and it serialises to JSON.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  precis::Options options;
  switch (data[0] % 3) {
    case 0: options.length.sentences = data[1] % 12; break;
    case 1: options.length.ratio = (data[1] % 101) / 100.0; break;
    default: options.length.words = data[1] * 4; break;
  }
  static const char* const kLanguages[] = {"auto", "en", "fr", "de", "und"};
  options.lang = kLanguages[data[2] % 5];
  options.all_sentences = true;
  std::string_view input(reinterpret_cast<const char*>(data) + 3, size - 3);
  if (data[2] & 0x80) options.title = std::string(input.substr(0, 40));

  precis::Result r = precis::summarize(input, options);
  if (r.error.empty()) {
    FUZZ_CHECK(r.summary.size() <= r.sentences.size());
    size_t previous = 0;
    for (const precis::SentenceResult& s : r.summary) {
      FUZZ_CHECK(s.bytes.begin <= s.bytes.end && s.bytes.end <= input.size());
      FUZZ_CHECK(s.utf16.begin <= s.utf16.end && s.utf16.end <= input.size());
      FUZZ_CHECK(s.index >= previous);
      previous = s.index + 1;
    }
    if (!r.sentences.empty()) FUZZ_CHECK(!r.summary.empty());
  }
  FUZZ_CHECK(!precis::result_to_json(r).empty());
  return 0;
}
