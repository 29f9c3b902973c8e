// Function words per language, for TF-IDF: they carry no topic, and leaving them out keeps
// sentence vectors about content. Hand lists in the spirit of the Snowball stopword lists (articles,
// pronouns, prepositions, conjunctions, auxiliaries and their common forms), lowercase. Because
// word_tokens() splits at apostrophes, elided forms ("l'", "d'", "qu'", "dell'") appear as their
// bare fragments ("l", "d", "qu", "dell") and are listed too.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "lexical.h"

namespace precis {
namespace {

constexpr const char* kEnglish =
    "a about above after again against all also am an and any are aren as at be because been before "
    "being below between both but by can cannot could couldn did didn do does doesn doing don down "
    "during each few for from further had hadn has hasn have haven having he her here hers herself "
    "him himself his how i if in into is isn it its itself just ll m me might more most mr mrs ms "
    "much must mustn my myself no nor not now of off on once only or other our ours ourselves out "
    "over own re s said same says shall she should shouldn so some such t than that the their theirs "
    "them themselves then there these they this those through to too under until up us ve very was "
    "wasn we were weren what when where which while who whom whose why will with won would wouldn "
    "yet you your yours yourself yourselves";

constexpr const char* kFrench =
    "a afin ai aie aient aies ait alors as au aucun aucune auprès auquel aussi autre autres aux "
    "auxquels auxquelles avaient avais avait avant avec avez aviez avions avoir avons ayant c ça car "
    "ce ceci cela celle celles celui cependant certains ces cet cette ceux chacun chaque chez ci "
    "comme comment d dans de des depuis donc dont du elle elles en encore entre es est et étaient "
    "étais était étant été êtes étiez étions être eu eue eues eurent eus eut eux fait faire fois "
    "furent fut ici il ils j je jusqu jusque l la là laquelle le lequel les lesquels lesquelles leur "
    "leurs lors lorsqu lorsque lui m ma mais me même mêmes mes moi moins mon n ne ni non nos notre "
    "nous on ont ou où par parce pas pendant peu peut plus plusieurs pour pourquoi puis qu quand que "
    "quel quelle quelles quels qui quoi s sa sans se selon sera serait ses si sien sienne soi soit "
    "sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes très tu un une vers "
    "voici voilà vos votre vous y à è";

constexpr const char* kGerman =
    "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes "
    "auch auf aus bei beim bin bis bist da damit dann das dass daß dein deine dem den denn der des "
    "dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem "
    "einen einer eines er es etwa euer eure für gegen gewesen hab habe haben hat hatte hatten hier "
    "hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ins ist ja jede jedem jeden "
    "jeder jedes jetzt kann kein keine keinem keinen keiner können könnte man manche mehr mein meine "
    "mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine "
    "seinem seinen seiner seit sich sie sind so solche soll sollte sondern sonst über um und uns "
    "unser unsere unter viel vom von vor während war waren warst was weil welche welchem welchen "
    "welcher wenn wer werde werden wie wieder will wir wird wo wollen wurde wurden zu zum zur zwar "
    "zwischen";

constexpr const char* kSpanish =
    "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e "
    "el él ella ellas ellos en entre era eran es esa esas ese eso esos esta está están estaba estas "
    "este esto estos fue fueron ha había han hasta hay la las le les lo los más me mi mis mucho muy "
    "nada ni no nos nosotros o os otra otras otro otros para pero poco por porque que qué quien se "
    "sea según ser si sí sido sin sobre son su sus también tanto te tiene tienen todo todos tu tus "
    "un una unas uno unos usted ustedes y ya yo";

constexpr const char* kItalian =
    "a ad agli ai al alla alle allo all anche avere aveva c che chi ci come con contro cui d da dal "
    "dalla dalle dallo dall degli dei del della delle dello dell di dove e è ed era erano essere gli "
    "ha hanno ho i il in io l la le lei li lo loro lui ma mi mio molto ne negli nei nel nella nelle "
    "nello nell no noi non nostro o per perché più poi quale quando quella quelle quello questa "
    "queste questo qui se sei si sia siamo sono stata stati stato su sua sue sui sul sulla sulle "
    "suo suoi tra tu tutti tutto un una uno vi voi";

constexpr const char* kPortuguese =
    "a ao aos aquela aquelas aquele aqueles aquilo as até com como da das de dela delas dele deles "
    "depois do dos e é ela elas ele eles em entre era eram essa essas esse esses esta está estão "
    "estas este estes eu foi foram há isso isto já lhe lhes mais mas me mesmo meu meus minha minhas "
    "muito na não nas nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se "
    "sem ser seu seus sua suas também te tem têm ter teu tu um uma umas uns você vocês";

constexpr const char* kDutch =
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een "
    "eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in "
    "is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om "
    "omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was "
    "wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou";

using WordSet = std::unordered_set<std::string_view>;

WordSet split_words(const char* list) {
  WordSet set;
  std::string_view rest(list);
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    if (!word.empty()) set.insert(word);
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return set;
}

const WordSet* stopword_set(std::string_view lang) {
  // Built once on first use; the lists are string literals, so the views stay valid.
  static const std::unordered_map<std::string_view, WordSet> sets = {
      {"en", split_words(kEnglish)},    {"fr", split_words(kFrench)},
      {"de", split_words(kGerman)},     {"es", split_words(kSpanish)},
      {"it", split_words(kItalian)},    {"pt", split_words(kPortuguese)},
      {"nl", split_words(kDutch)},
  };
  const auto it = sets.find(lang);
  return it == sets.end() ? nullptr : &it->second;
}

}  // namespace

bool is_stopword(std::string_view lang, std::string_view word) {
  const WordSet* set = stopword_set(lang);
  return set != nullptr && set->count(word) > 0;
}

}  // namespace precis
