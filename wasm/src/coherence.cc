#include "coherence.h"

#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace precis {
namespace {

// First words that point back: personal pronouns in subject (or fronted object) position,
// possessive and demonstrative determiners, and connectives that continue an argument. Words that
// are just as often articles or generic openers are left out ("das", "het", "la", "die", "that"),
// as is "it" (mostly expletive: "It is expected that..."): a false alarm only costs a good sentence.
// Multi-word connectives are found by their first word when it rarely opens anything else
// ("sin embargo" by "sin" would not be: left out).
constexpr const char* kEnglish =
    "he she they him her them his their its this these those however but also meanwhile moreover "
    "furthermore nevertheless nonetheless thus therefore hence besides likewise similarly instead "
    "otherwise still yet then so both such";
constexpr const char* kFrench =
    "il elle ils elles lui leur leurs son sa ses ce cet cette ces cela ceci ça celui celle ceux "
    "celles mais cependant pourtant toutefois néanmoins donc ainsi alors puis ensuite aussi or "
    "enfin";
constexpr const char* kGerman =
    "er sie ihm ihn ihr ihre ihren ihrem ihrer sein seine seinen seinem seiner dies diese dieser "
    "dieses diesen diesem aber doch jedoch dennoch trotzdem deshalb daher deswegen dann zudem "
    "außerdem auch dabei damit darauf";
constexpr const char* kSpanish =
    "él ella ellos ellas le les su sus esto este esta estos estas eso ese esa esos esas pero "
    "además también entonces así aunque";
constexpr const char* kItalian =
    "lui lei loro egli ella esso essa essi esse questo questa questi queste quello quella quelli "
    "quelle suo sua suoi sue ma però tuttavia inoltre anche quindi poi così";
constexpr const char* kPortuguese =
    "ele ela eles elas seu sua seus suas isso isto este esta estes estas esse essa esses essas "
    "mas porém contudo entretanto todavia além também então assim";
constexpr const char* kDutch =
    "hij zij ze hem haar hun dit deze maar echter toch daarom dus ook bovendien vervolgens daarna "
    "daarbij";

using WordSet = std::unordered_set<std::string>;

WordSet words_of(const char* list) {
  WordSet set;
  std::istringstream in(list);
  for (std::string word; in >> word;) set.insert(word);
  return set;
}

const std::unordered_map<std::string_view, WordSet>& anaphors() {
  static const auto* table = new std::unordered_map<std::string_view, WordSet>{
      {"en", words_of(kEnglish)}, {"fr", words_of(kFrench)},     {"de", words_of(kGerman)},
      {"es", words_of(kSpanish)}, {"it", words_of(kItalian)},    {"pt", words_of(kPortuguese)},
      {"nl", words_of(kDutch)}};
  return *table;
}

}  // namespace

bool opens_with_anaphor(std::string_view lang, const std::vector<std::string>& words) {
  if (words.empty()) return false;
  const auto& table = anaphors();
  const auto it = table.find(lang);
  return it != table.end() && it->second.count(words.front()) > 0;
}

}  // namespace precis
