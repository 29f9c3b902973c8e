#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "clean.h"
#include "test_support.h"
#include "utf8.h"

using precis::clean;
using precis::CleanText;
using precis::Span;

namespace {

// Junk line -> reason, text: what a removal must say.
struct JunkCase {
  const char* line;
  const char* reason;
  const char* removed;
};

std::string sentence_around(const std::string& junk) {
  return "Le gouvernement a présenté mardi son projet de loi.\n" + junk +
         "\nLes députés l'examineront en commission la semaine prochaine.";
}

bool is_valid_utf8(const std::string& s) {
  for (size_t pos = 0, length = 0; pos < s.size(); pos += length)
    if (!precis::valid_utf8_at(s, pos, length)) return false;
  return true;
}

// The invariants every clean text has, whatever the input.
void check_clean_shape(const CleanText& c) {
  const std::string& t = c.text;
  CHECK(is_valid_utf8(t));
  CHECK(t.find("  ") == std::string::npos);
  CHECK(t.find(" \n") == std::string::npos);
  CHECK(t.find("\n ") == std::string::npos);
  CHECK(t.find("\n\n") == std::string::npos);
  CHECK(t.find('\r') == std::string::npos);
  CHECK(t.find('\t') == std::string::npos);
  if (!t.empty()) {
    CHECK(t.front() != ' ');
    CHECK(t.front() != '\n');
    CHECK(t.back() != ' ');
    CHECK(t.back() != '\n');
  }
  for (size_t pos = 0; pos < t.size();) {
    const char32_t cp = precis::decode_utf8(t, pos);
    CHECK((cp >= 0x20 || cp == '\n'));
    CHECK(!(cp >= 0x7F && cp < 0xA0));
    CHECK(cp != 0x200B);
    CHECK(cp != 0xFEFF);
  }
}

}  // namespace

TEST_CASE("the sample article loses its ad markers and source link, nothing else") {
  const std::string article = precis::testing::read_fixture("fr-belarus-convoy/article.txt");
  REQUIRE(!article.empty());
  const auto expected = nlohmann::json::parse(
      precis::testing::read_fixture("fr-belarus-convoy/expected.json"));
  const CleanText c = clean(article);
  check_clean_shape(c);
  CHECK(c.invalid_bytes == 0);

  REQUIRE(c.removed.size() == expected["removed"].size());
  for (size_t i = 0; i < c.removed.size(); ++i) {
    const auto& want = expected["removed"][i];
    CHECK(c.removed[i].reason == want["reason"].get<std::string>());
    CHECK(c.removed[i].text == want["text"].get<std::string>());
    CHECK(c.removed[i].original.begin == want["bytes"][0].get<size_t>());
    CHECK(c.removed[i].original.end == want["bytes"][1].get<size_t>());
    CHECK(article.substr(c.removed[i].original.begin, c.removed[i].original.size()) ==
          c.removed[i].text);
  }
  for (const auto& junk : expected["must_not_contain"])
    CHECK(c.text.find(junk.get<std::string>()) == std::string::npos);
  for (const auto& kept : expected["must_contain"])
    CHECK(c.text.find(kept.get<std::string>()) != std::string::npos);
  CHECK(c.text.rfind(expected["first_sentence"].get<std::string>(), 0) == 0);
  const std::string last = expected["last_sentence"];
  REQUIRE(c.text.size() >= last.size());
  CHECK(c.text.substr(c.text.size() - last.size()) == last);
  CHECK(static_cast<size_t>(std::count(c.text.begin(), c.text.end(), '\n')) + 1 ==
        expected["paragraphs"].get<size_t>());

  // Every paragraph is a verbatim line of the original, at the offset the map gives.
  size_t line_start = 0;
  while (line_start < c.text.size()) {
    size_t line_end = c.text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = c.text.size();
    const Span original = c.to_original(Span{line_start, line_end});
    CHECK(article.substr(original.begin, original.size()) ==
          c.text.substr(line_start, line_end - line_start));
    line_start = line_end + 1;
  }
}

TEST_CASE("empty and blank input give empty text") {
  for (const char* input : {"", " ", "\n\n\r\n", "\t \xC2\xA0\n", "\xE2\x80\x8B"}) {
    const CleanText c = clean(input);
    CHECK(c.text.empty());
    CHECK(c.removed.empty());
    CHECK(c.to_original(0) == 0);
  }
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and is counted") {
  const CleanText c = clean("caf\xC3 au lait \xFF\xFE ok \xE2\x82 fin \xF0\x9F\x98");
  CHECK(c.invalid_bytes == 8);
  CHECK(c.text == "caf\xEF\xBF\xBD au lait \xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD fin "
                  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  check_clean_shape(c);
  // Overlong forms and surrogates are invalid too; a literal U+FFFD is not counted.
  const CleanText d = clean("a\xC0\xAF b\xED\xA0\x80 c\xEF\xBF\xBD");
  CHECK(d.invalid_bytes == 5);
  CHECK(is_valid_utf8(d.text));
}

TEST_CASE("control characters go, line ends and odd spaces are normalised") {
  CHECK(clean(std::string("a\0b", 3)).text == "ab");
  CHECK(clean("one\x01\x1B two\x7F").text == "one two");
  CHECK(clean("line one\r\nline two\rline three").text == "line one\nline two\nline three");
  CHECK(clean("tab\there  and\xC2\xA0nbsp\xE2\x80\xAFnarrow\xE2\x80\x89thin\xE3\x80\x80ideo").text ==
        "tab here and nbsp narrow thin ideo");
  CHECK(clean("  lead and trail  \n\n\n\n  next para \t\n").text == "lead and trail\nnext para");
  CHECK(clean("para\n \n\t\n\xC2\xA0\npara").text == "para\npara");
  CHECK(clean("l\xE2\x80\xA8m\xE2\x80\xA9n\x0Bo\x0Cp\xC2\x85q").text == "l\nm\nn\no\np\nq");
  CHECK(clean("soft\xC2\xADhyphen").text == "softhyphen");
}

TEST_CASE("zero-width characters: joiners kept inside sequences, the rest removed") {
  const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";  // woman + ZWJ + laptop
  CHECK(clean("dev " + family + " ok").text == "dev " + family + " ok");
  CHECK(clean("zero\xE2\x80\x8Bwidth").text == "zerowidth");
  CHECK(clean("\xEF\xBB\xBFwith BOM").text == "with BOM");
  CHECK(clean("\xE2\x80\x8D stray \xE2\x80\x8D").text == "stray");
  CHECK(clean("a \xE2\x80\x8D b").text == "a b");
  CHECK(clean("\xE2\x80\x8Fmark\xE2\x80\xAE").text == "mark");
  // ZWNJ between letters (Persian) stays.
  const std::string persian = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85";
  CHECK(clean(persian).text == persian);
}

TEST_CASE("junk lines are removed with their reason") {
  const JunkCase cases[] = {
      {"[ad_1]", "ad-marker", "[ad_1]"},
      {"[ads]", "ad-marker", "[ads]"},
      {"[ad-3]", "ad-marker", "[ad-3]"},
      {"Source link", "source-link", "Source link"},
      {"Source link -31", "source-link", "Source link -31"},
      {"Advertisement", "advertisement", "Advertisement"},
      {"- Publicité -", "advertisement", "- Publicité -"},
      {"PUBLICITÉ", "advertisement", "PUBLICITÉ"},
      {"Story continues below advertisement", "advertisement",
       "Story continues below advertisement"},
      {"Read more: Why the pound fell again", "read-more", "Read more: Why the pound fell again"},
      {"Lire aussi : La réforme des retraites adoptée", "read-more",
       "Lire aussi : La réforme des retraites adoptée"},
      {"» LIRE AUSSI - Le budget 2023 en cinq chiffres", "read-more",
       "» LIRE AUSSI - Le budget 2023 en cinq chiffres"},
      {"Lire la suite", "read-more", "Lire la suite"},
      {"À lire aussi : Notre enquête", "read-more", "À lire aussi : Notre enquête"},
      {"Weiterlesen", "read-more", "Weiterlesen"},
      {"Leer más", "read-more", "Leer más"},
      {"Share this article", "share", "Share this article"},
      {"Partager", "share", "Partager"},
      {"Facebook Twitter Email", "share", "Facebook Twitter Email"},
      {"Subscribe to our newsletter", "subscribe", "Subscribe to our newsletter"},
      {"Abonnez-vous à notre newsletter", "subscribe", "Abonnez-vous à notre newsletter"},
      {"Newsletter : l'essentiel de l'actualité chaque matin", "subscribe",
       "Newsletter : l'essentiel de l'actualité chaque matin"},
      {"Accept cookies", "cookie", "Accept cookies"},
      {"We use cookies to give you the best experience on our website.", "cookie",
       "We use cookies to give you the best experience on our website."},
      {"https://www.example.com/news/article-123.html", "url",
       "https://www.example.com/news/article-123.html"},
      {"www.example.org", "url", "www.example.org"},
      {"Photo : AFP", "photo-credit", "Photo : AFP"},
      {"Crédit photo : Ludovic Marin / AFP", "photo-credit", "Crédit photo : Ludovic Marin / AFP"},
      {"© Reuters", "photo-credit", "© Reuters"},
      {"REUTERS/Kevin Lamarque", "photo-credit", "REUTERS/Kevin Lamarque"},
      {"Image caption Rescuers at the scene on Monday", "caption",
       "Image caption Rescuers at the scene on Monday"},
  };
  for (const JunkCase& junk : cases) {
    const std::string line = junk.line, reason = junk.reason, removed = junk.removed;
    CAPTURE(line);
    const std::string input = sentence_around(line);
    const CleanText c = clean(input);
    check_clean_shape(c);
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].reason == reason);
    CHECK(c.removed[0].text == removed);
    CHECK(input.substr(c.removed[0].original.begin, c.removed[0].original.size()) == removed);
    CHECK(c.text ==
          "Le gouvernement a présenté mardi son projet de loi.\n"
          "Les députés l'examineront en commission la semaine prochaine.");
  }
}

TEST_CASE("inline junk: markers and credits; the sentence around stays") {
  struct InlineCase {
    const char* input;
    const char* text;
    const char* removed;
  };
  const InlineCase cases[] = {
      {"Le texte [ad_1] continue ici.", "Le texte continue ici.", "[ad_1]"},
      {"Le texte.[ad_2]Suite du texte.", "Le texte. Suite du texte.", "[ad_2]"},
      {"The senator spoke on Monday (Photo by Chip Somodevilla/Getty Images) in Washington.",
       "The senator spoke on Monday in Washington.", "(Photo by Chip Somodevilla/Getty Images)"},
      {"Le modèle coûte 106 000 €.Photo : Chevrolet Corvette C8 Stingray 2021",
       "Le modèle coûte 106 000 €.", "Photo : Chevrolet Corvette C8 Stingray 2021"},
      {"Le litre dépasserait 1,75 €.© photo Segnargsed", "Le litre dépasserait 1,75 €.",
       "© photo Segnargsed"},
      {"Tout est vendu.Crédit illustration : Pagani", "Tout est vendu.",
       "Crédit illustration : Pagani"},
      {"Le communiqué est signé.Source link", "Le communiqué est signé.", "Source link"},
  };
  for (const InlineCase& item : cases) {
    const std::string input = item.input, text = item.text, removed = item.removed;
    CAPTURE(input);
    const CleanText c = clean(input);
    check_clean_shape(c);
    CHECK(c.text == text);
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].text == removed);
  }
}

TEST_CASE("a URL inside a sentence is part of it and stays") {
  // Removing it would lose text the article quotes ("the fraudulent site is ...") and leave
  // "See the list at." behind; only a line that is nothing but a URL is junk.
  for (const char* input : {"See the list at https://example.org/list.",
                            "Selon The Lancet (https://covid-trials.org/), dont 300 en Chine.",
                            "Visitez (https://race.esa.int).Enfin, tout est prêt."}) {
    CAPTURE(input);
    const CleanText c = clean(input);
    CHECK(c.text == input);
    CHECK(c.removed.empty());
  }
}

TEST_CASE("real sentences that look like junk are kept") {
  const char* sentences[] = {
      "Read more books and watch less television, the minister told pupils.",
      "Shares in the company fell 5% on Monday.",
      "Share prices rose after the announcement.",
      "Subscribers to the service will pay more from January, the company said in a statement.",
      "Le Crédit Lyonnais a annoncé la fermeture de vingt agences.",
      "Photo of the year: the jury chose a picture taken in Kyiv.",
      "VIDÉO - Les images impressionnantes de la tempête en Bretagne.",
      "PHOTOS - Le défilé du 14 juillet sur les Champs-Élysées.",
      "Source: the interior ministry said 300 people had been arrested.",
      "Advertising revenue fell by a third last year.",
      "À lire ces lignes, on comprend mieux la colère des habitants.",
      "Lire aussi les conditions générales est indispensable avant de signer.",
      "The site is decuk.org, close to the official www.dec.org.uk address.",
      "He said the [European] election changed everything.",
      "La mer était un peu agitée. [...] Le drame est arrivé à 15 h 30.",
      "Les cookies de Noël sont une tradition alsacienne, explique le pâtissier.",
      "The ad campaign, which ran for six weeks, cost £2m.",
      "Partager le pouvoir n'a jamais été son fort, selon ses proches.",
      "Le logo © de la marque est protégé.",
      "Newsletter publishers say they are struggling.",
      "Photo : Jim Hackett et Jim Farley. Les deux hommes ont travaillé ensemble pendant dix ans.",
      "Sur les réseaux sociaux, des vidéos montrent des habitants appelant à l'aide.",
  };
  for (const std::string sentence : sentences) {
    CAPTURE(sentence);
    const CleanText c = clean(sentence);
    CHECK(c.removed.empty());
    CHECK(c.text == sentence);
  }
}

TEST_CASE("the offset map sends every clean character back to the same character") {
  // Pieces that exercise every path: copied text, replacements, skipped characters and junk.
  const std::vector<std::string> pieces = {
      "a", "Z", "é", "’", "€", "\xF0\x9F\x98\x80", "漢", " ", "  ", "\t", "\n", "\r\n", "\r",
      "\n\n", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\x8B", "\xE2\x80\x8D", "\xEF\xBB\xBF",
      std::string(1, '\0'), "\x01", "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "[ad_1]",
      "Source link", "https://example.org/x", "(Photo: AFP)", ".Photo : X", "Read more:", ".",
      "word", "Le", "(", ")", "\xE2\x80\xA8"};
  std::mt19937 random(559);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (int n = length(random); n > 0; --n) input += pieces[pick(random)];
    CAPTURE(input);
    const CleanText c = clean(input);
    check_clean_shape(c);

    // Removals: in order, disjoint, and their text is the original bytes (repaired).
    size_t previous_end = 0;
    for (const auto& r : c.removed) {
      CHECK(r.original.begin >= previous_end);
      CHECK(r.original.end <= input.size());
      CHECK(r.original.begin < r.original.end);
      previous_end = r.original.end;
    }

    size_t last = 0, last_end = 0;
    for (size_t i = 0; i <= c.text.size(); ++i) {
      const size_t original = c.to_original(i);
      const size_t original_end = c.map.to_original_end(i);
      CHECK(original >= last);  // monotone
      CHECK(original_end >= last_end);
      CHECK(original <= input.size());
      CHECK(original_end <= input.size());
      last = original;
      last_end = original_end;
    }
    for (size_t i = 0; i < c.text.size();) {
      const size_t start = i;
      const char32_t cp = precis::decode_utf8(c.text, i);
      const size_t at = c.to_original(start);
      REQUIRE(at < input.size());
      size_t next = at;
      const char32_t there = precis::decode_utf8(input, next);
      // The span of this one character maps to exactly the original character (or junk).
      const Span span = c.to_original(Span{start, i});
      CHECK(span.begin == at);
      if (cp == ' ') {
        const bool junk = std::any_of(c.removed.begin(), c.removed.end(),
                                      [&](const auto& r) { return r.original.begin == at; });
        CHECK((precis::is_space(there) || junk));
      } else if (cp == '\n') {
        CHECK((there == '\n' || there == '\r' || there == 0x2028 || there == 0x2029 ||
               there == 0x0B || there == 0x0C || there == 0x85));
        CHECK(span.end == next);
      } else {
        CHECK(there == cp);  // U+FFFD from an invalid byte decodes to U+FFFD too
        CHECK(span.end == next);
      }
    }
  }
}

TEST_CASE("large and pathological inputs are handled in one pass") {
  std::string big;
  const std::string paragraph =
      "Le premier convoi de forces russes est arrivé en Biélorussie, a annoncé samedi le "
      "ministère.\xC2\xA0[ad_1]\r\n\r\n";
  while (big.size() < 10 * 1024 * 1024) big += paragraph;
  const CleanText c = clean(big);
  CHECK(c.removed.size() == big.size() / paragraph.size());
  CHECK(c.text.size() > big.size() / 2);
  CHECK(c.to_original(c.text.size() - 1) < big.size());

  // One 4 MB line of brackets, parentheses and URLs without an end: no quadratic scans.
  std::string line;
  while (line.size() < 4 * 1024 * 1024) line += "[[((https://a.b/";
  const CleanText d = clean(line);
  CHECK(d.removed.size() == 1);
  CHECK(is_valid_utf8(d.text));
}
