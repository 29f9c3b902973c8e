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
//   Latin script, by function words: en fr de es it pt nl (and da sv no pl cs sk ro tr hu fi id,
//   so that those are not taken for one of the first seven).
//   Other scripts, by their letters: ar he el hi th ko ja zh, and Cyrillic ru uk kk sr.
//   Text without letters (numbers, emoji) is "und"; so is a long Latin text that matches none.
// reliable needs about three function words of evidence (or a dozen letters of a script of its
// own, five CJK characters) and a clear margin over the runner-up.
//   detect_language("Le ministre a déclaré que les discussions reprendraient.")  // fr, reliable
//   detect_language("Man City")                                                // unreliable
LanguageGuess detect_language(std::string_view text);

}  // namespace precis
