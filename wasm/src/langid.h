// Stage 3: which language is this text in?
#pragma once
#include <string>
#include <string_view>

namespace precis {

struct LanguageGuess {
  std::string code = "und";   // ISO 639-1 ("en", "fr", "de", "es", "it", "pt", "nl", ...), or "und"
  double confidence = 0;      // 0..1
  bool reliable = false;      // enough evidence to act on; "und" is never reliable
};

// Guesses the language of clean text. Needs no model; looks at the first ~20k bytes.
LanguageGuess detect_language(std::string_view text);

}  // namespace precis
