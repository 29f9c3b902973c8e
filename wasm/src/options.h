// Every setting of a summary, with its default, in one place. The README's options table and
// web/precis.d.ts mirror this struct; keep them in step.
#pragma once
#include <cstddef>
#include <string>

namespace precis {

// How long the summary is. The first non-zero field wins; all zero means kDefaultSentences.
struct Length {
  int sentences = 0;     // exactly this many sentences (fewer if the text has fewer)
  double ratio = 0;      // this fraction of the sentences, 0 < ratio <= 1, at least one sentence
  int words = 0;         // as many sentences as fit in this many words (at least one sentence)
};
constexpr int kDefaultSentences = 3;

struct Options {
  Length length;
  std::string lang = "auto";        // ISO 639-1 code, or "auto" to detect
  std::string title;                // the article's headline, when known: a strong relevance cue
  bool all_sentences = false;       // also return every sentence with its score
  double redundancy = -1;           // MMR trade-off in [0, 1]; -1 = the scorer's fitted value
  size_t max_input_bytes = 16u << 20;   // larger input is refused with a clear error (16 MiB)
  int batch_rows = 32;              // sentences per encoder call: larger batches pad more, call less
};

}  // namespace precis
