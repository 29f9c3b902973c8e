// What a summary run returns: one shape for C++, the CLI's JSON and the JS module.
#pragma once
#include <string>
#include <vector>

#include "langid.h"
#include "span.h"

namespace precis {

struct SentenceResult {
  size_t index = 0;      // position among all sentences of the text
  std::string text;      // the sentence as cleaned (spaces normalised)
  Span bytes;            // UTF-8 byte offsets into the original input
  Span utf16;            // UTF-16 code unit offsets into the original input (JS string indices)
  float score = 0;
};

struct RemovalResult {
  std::string text, reason;
  Span bytes, utf16;     // into the original input
};

struct Stats {
  size_t sentences = 0, words = 0, summary_words = 0;
  size_t dangling_openers = 0;   // summary sentences opening with an anaphor whose predecessor is not in it
  int invalid_bytes = 0, truncated_sentences = 0;
};

struct Result {
  std::string error;                       // non-empty: nothing else is meaningful
  std::string lang;                        // the language used
  LanguageGuess detected;
  std::string scorer = "lexical";          // "lexical" or the model's name
  std::vector<SentenceResult> summary;     // chosen sentences, in original order
  std::vector<SentenceResult> sentences;   // every sentence, when Options::all_sentences
  std::vector<RemovalResult> removed;
  Stats stats;
  std::vector<std::string> warnings;
};

Result error_result(std::string message);

// {"lang", "lang_detected", "scorer", "summary", "sentences"?, "removed", "stats", "warnings"} or
// {"error"}; see README "Result".
std::string result_to_json(const Result& result);

}  // namespace precis
