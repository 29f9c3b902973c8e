// Word lists the sentence splitter consults, one set per language.
//
//   const WordLists& words = word_lists("fr");
//   words.is_title("mme")         // true: "Mme Dupont", a dot after it never ends a sentence
//   words.is_abbreviation("p")    // true: a dot after it ends a sentence only before a starter
//   words.is_ender("etc")         // true: a dot after it ends a sentence before any capital
//   words.is_starter("il")        // true: "… etc. Il part" is two sentences
#pragma once
#include <string_view>
#include <vector>

namespace precis {

struct WordLists {
  // Every list holds lowercase words without their final dot, sorted for binary search.
  std::vector<std::string_view> titles;         // precede a name: "mr", "dr", "mme", "sig", "dhr"
  std::vector<std::string_view> abbreviations;  // other short forms: "co", "p", "usw", "n°"
  std::vector<std::string_view> enders;         // often end a sentence: "etc", "usw", "ecc"
  std::vector<std::string_view> starters;       // frequent sentence-initial words: "the", "il", "der"
  bool ordinal_dot = false;                     // "am 12. Juni": "12." is an ordinal (de, da)
  bool lowercase_starts = false;                // "… grow up? india?": web text (en only)

  bool is_title(std::string_view lowered) const;
  bool is_abbreviation(std::string_view lowered) const;
  bool is_ender(std::string_view lowered) const;
  bool is_starter(std::string_view lowered) const;
};

// Lists for an ISO 639-1 code (en, fr, de, es, it, pt, nl, da); any other code gets the union of
// all lists, so an unknown language is still protected from "Dr. Smith" splits.
const WordLists& word_lists(std::string_view lang);

}  // namespace precis
