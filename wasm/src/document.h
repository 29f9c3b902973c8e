// The analysed article that scoring and selection work on: clean text, language, sentences and
// their words. Built by the pipeline from the first three stages; read-only afterwards.
#pragma once
#include <string>
#include <vector>

#include "clean.h"
#include "langid.h"
#include "span.h"

namespace precis {

struct Document {
  CleanText clean;                              // sentences point into clean.text
  LanguageGuess detected;                       // what detection said (even when lang was forced)
  std::string lang;                             // the language in use: forced, detected, or "und"
  std::vector<Span> sentences;                  // byte spans into clean.text
  std::vector<int> paragraph;                   // paragraph index of each sentence (0-based)
  std::vector<std::vector<std::string>> words;  // lowercased word tokens of each sentence
  std::string title;                            // the title, cleaned like the text ("" if none)
  std::vector<std::string> title_words;         // word tokens of the title, if any
};

}  // namespace precis
