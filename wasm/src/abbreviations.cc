#include "abbreviations.h"

#include <algorithm>
#include <initializer_list>

namespace precis {
namespace {

// The lists are written by hand from common usage (style guides, news text). Titles are the
// short forms that stand before a name; a dot after them never ends a sentence. Abbreviations are
// the other short forms: a dot after them ends a sentence only when a starter word follows
// ("… and co. They …"), except the few that usually close a list ("etc."): those end a sentence
// before any capitalised word. Starters are the words that most often open a sentence; they decide the
// ambiguous cases, so they stay limited to pronouns, articles and connectives, never nouns.
using Words = std::initializer_list<std::string_view>;

struct Source {
  std::string_view lang;
  Words titles;
  Words abbreviations;
  Words starters;
  bool ordinal_dot;
  bool lowercase_starts;  // a plain word, a stop, then a lowercase word: two sentences
};

const Source kSources[] = {
    {"en",
     {"adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "lt",
      "maj", "messrs", "mr", "mrs", "ms", "msgr", "mt", "pres", "prof", "rep", "rev", "sen", "sgt",
      "sr", "st", "supt", "vs", "drs", "p.s", "ps"},
     {"al", "approx", "apr", "assn", "assoc", "asst", "aug", "ave", "bldg", "blvd", "bros", "ca",
      "cf", "ch", "co", "corp", "dec", "dept", "dist", "ed", "eds", "esp", "est", "etc", "ext",
      "feb", "fig", "figs", "ft", "govt", "hosp", "inc", "jan", "jr", "jul", "jun", "ltd", "mfg",
      "mins", "mo", "n°", "nº", "nos", "no", "nov", "oct", "op", "pp", "pt", "pvt", "rd", "rs", "sec", "sept", "sq",
      "sta", "tel", "univ", "vol", "vols", "yr", "yrs"},
     {"a", "after", "all", "also", "an", "and", "are", "as", "at", "but", "can", "do", "does",
      "for", "he", "her", "here", "his", "how", "however", "i", "if", "in", "is", "it", "its",
      "my", "no", "now", "on", "our", "please", "she", "so", "some", "that", "the", "their",
      "then", "there", "these", "they", "this", "those", "thus", "to", "was", "we", "what", "when",
      "where", "which", "who", "why", "will", "yes", "you", "your"},
     false,
     // English web text often starts sentences in lowercase: on ud-en-dev this rule moves
     // boundary F1 from 0.892 to 0.923 (scripts/eval-segmentation); in other languages it would
     // mostly split after unlisted abbreviations ("Admón. es", "meteor. si").
     true},
    {"fr",
     {"cne", "dr", "gal", "m", "me", "mgr", "mlle", "mlles", "mm", "mme", "mmes", "mr", "pr",
      "st", "ste", "vs"},
     {"apr", "art", "av", "avr", "bd", "boul", "cf", "chap", "cie", "co", "corp", "déc", "env",
      "etc", "ex", "inc", "ltd",
      "fig", "févr", "hab", "janv", "juil", "max", "min", "n°", "nº", "no", "nov", "oct", "p", "pp",
      "sept", "sq", "sqq", "sté", "tél", "vol", "éd"},
     {"alors", "au", "aujourd", "aussi", "aux", "avec", "c", "ce", "cela", "cependant", "ces",
      "cet", "cette", "d", "dans", "depuis", "des", "du", "elle", "elles", "en", "enfin", "et",
      "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "mais", "nous", "on", "or", "par",
      "pour", "pourtant", "puis", "qu", "quand", "s", "selon", "si", "sur", "un", "une", "vous",
      "à"},
     false, false},
    {"de",
     {"dipl", "dr", "fr", "hr", "hrn", "ing", "prof", "st", "vgl", "bzw", "ca", "evtl", "ggf",
      "inkl", "sog", "z"},
     {"abs", "apr", "art", "aug", "bd", "bspw", "chr", "dez", "d", "etc", "exkl", "feb", "geb",
      "gest", "h", "jan", "kath", "med", "jh", "jhd", "kap", "mio", "mrd", "nov", "nr", "okt", "s", "sept",
      "str", "tel", "tsd", "u", "usw", "v"},
     {"aber", "als", "am", "auch", "auf", "bei", "da", "dann", "das", "dem", "den", "denn", "der",
      "des", "die", "dies", "diese", "dieser", "dieses", "doch", "ein", "eine", "einen", "er",
      "es", "für", "heute", "hier", "ich", "ihr", "im", "in", "jetzt", "man", "mit", "nach",
      "nun", "so", "sie", "und", "was", "wenn", "wie", "wir", "wo"},
     true, false},
    {"es",
     {"arq", "d", "dr", "dra", "dña", "gral", "ing", "lic", "prof", "sr", "sra", "sres", "srta",
      "sta", "sto", "ud", "uds", "vd", "vds"},
     {"abr", "admón", "ago", "aprox", "art", "av", "avda", "cap", "cía", "dic", "dom", "dpto",
      "ej", "ene", "etc", "feb", "hs", "jue", "jul", "jun", "lun", "mar", "may", "min", "mié",
      "no", "nov", "núm", "oct", "p", "pp", "pág", "págs", "párr", "sept", "sep", "sáb", "tel",
      "vie", "vol"},
     {"a", "además", "ahora", "cuando", "cómo", "el", "ella", "ellas", "ellos", "en", "esa",
      "ese", "eso", "esta", "este", "esto", "estos", "hoy", "la", "las", "lo", "los", "no",
      "nosotros", "para", "pero", "por", "qué", "se", "si", "también", "un", "una", "y", "yo",
      "él"},
     false, false},
    {"it",
     {"arch", "avv", "dott", "dr", "geom", "ing", "mons", "on", "prof", "rag", "sen", "sig",
      "sigg", "sig.ra", "dott.ssa"},
     {"ago", "amm", "apr", "art", "ca", "cap", "cfr", "dic", "dir", "dom", "ecc", "es", "feb",
      "fig", "gen", "gio", "giu", "lug", "lun", "mag", "mar", "mer", "n", "nov", "nr", "ott", "p",
      "pag", "pagg", "sab", "set", "tel", "ven", "vol"},
     {"anche", "che", "ci", "come", "con", "e", "gli", "i", "il", "in", "io", "la", "le", "lei",
      "lo", "loro", "lui", "ma", "noi", "non", "oggi", "per", "quando", "quella", "quello",
      "questa", "questo", "se", "si", "un", "una", "uno"},
     false, false},
    {"pt",
     {"d", "dr", "dra", "eng", "exma", "exmo", "prof", "profa", "sr", "sra", "srta", "sta",
      "sto"},
     {"apto", "art", "av", "cap", "cia", "etc", "ex", "ltda", "núm", "p", "pp", "pág", "págs",
      "tel", "vol"},
     {"a", "as", "com", "como", "e", "ela", "elas", "ele", "eles", "em", "essa", "esse", "esta",
      "este", "eu", "hoje", "isso", "isto", "mas", "na", "nas", "no", "nos", "não", "nós", "o",
      "os", "para", "por", "quando", "que", "se", "também", "um", "uma", "você"},
     false, false},
    {"nl",
     {"bijv", "ca", "dhr", "dr", "drs", "ing", "ir", "mevr", "mr", "mw", "prof", "resp", "st",
      "vgl", "zgn"},
     {"aanw", "afd", "blz", "bv", "enz", "etc", "jl", "jr", "mld", "mln", "mrd", "nr", "p",
      "pag", "sr", "tel", "vnw"},
     {"daar", "dat", "de", "deze", "die", "dit", "een", "en", "er", "het", "hier", "hij", "hoe",
      "ik", "in", "je", "jij", "maar", "met", "nu", "ook", "op", "toen", "u", "voor", "vandaag",
      "wanneer", "waarom", "wat", "we", "wie", "wij", "ze", "zij"},
     false, false},
    {"ru",
     {"акад", "г-н", "г-жа", "д-р", "доц", "им", "проф", "пгт", "св", "тов", "ул", "г", "гг",
      "пос", "пр-т", "просп", "кв"},
     {"в", "вв", "гл", "др", "ед", "жен", "куб", "м", "млн", "млрд", "муж", "н", "напр", "ок",
      "п", "пр", "руб", "с", "см", "стр", "т", "тыс", "шт"},
     {"а", "в", "вы", "и", "но", "мы", "на", "не", "он", "она", "они", "по", "с", "это", "я"},
     false, false},
    {"da",
     {"dr", "hr", "fr", "prof", "skt", "st"},
     {"bl.a", "ca", "co", "etc", "f.eks", "jf", "kl", "mht", "n°", "nº", "nr", "osv", "pga", "s",
      "tlf"},
     {"da", "de", "dem", "den", "der", "det", "du", "en", "et", "han", "hun", "hvad", "hvis",
      "hvor", "i", "jeg", "men", "mit", "og", "på", "så", "vi"},
     true, false},
};

// Abbreviations that close an enumeration, in every language.
const Words kEnders = {"etc", "usw", "ecc", "enz", "osv"};

void add_sorted(std::vector<std::string_view>& out, Words words) {
  out.insert(out.end(), words.begin(), words.end());
}

void finish(std::vector<std::string_view>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

WordLists build(const Source& source) {
  WordLists lists;
  add_sorted(lists.titles, source.titles);
  add_sorted(lists.abbreviations, source.abbreviations);
  add_sorted(lists.starters, source.starters);
  add_sorted(lists.enders, kEnders);
  lists.ordinal_dot = source.ordinal_dot;
  lists.lowercase_starts = source.lowercase_starts;
  finish(lists.titles);
  finish(lists.abbreviations);
  finish(lists.starters);
  finish(lists.enders);
  return lists;
}

// The union for unknown languages. A word that is a title in one language and an abbreviation in
// another stays a title: never splitting after it is the safer error.
WordLists build_union() {
  WordLists lists;
  for (const Source& source : kSources) {
    add_sorted(lists.titles, source.titles);
    add_sorted(lists.abbreviations, source.abbreviations);
    add_sorted(lists.starters, source.starters);
  }
  add_sorted(lists.enders, kEnders);
  finish(lists.enders);
  finish(lists.titles);
  finish(lists.abbreviations);
  finish(lists.starters);
  return lists;
}

bool contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::binary_search(list.begin(), list.end(), word);
}

}  // namespace

bool WordLists::is_title(std::string_view lowered) const { return contains(titles, lowered); }
bool WordLists::is_abbreviation(std::string_view lowered) const {
  return contains(abbreviations, lowered);
}
bool WordLists::is_ender(std::string_view lowered) const { return contains(enders, lowered); }
bool WordLists::is_starter(std::string_view lowered) const { return contains(starters, lowered); }

const WordLists& word_lists(std::string_view lang) {
  // Built once, on first use (function-local statics are initialised thread-safely).
  static const std::vector<WordLists> per_language = [] {
    std::vector<WordLists> all;
    for (const Source& source : kSources) all.push_back(build(source));
    return all;
  }();
  static const WordLists any = build_union();
  constexpr size_t kCount = sizeof(kSources) / sizeof(kSources[0]);
  for (size_t i = 0; i < kCount; ++i) {
    if (kSources[i].lang == lang) return per_language[i];
  }
  return any;
}

}  // namespace precis
