#include "segment.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "abbreviations.h"
#include "utf8.h"

using precis::Span;
using precis::split_sentences;

namespace {

std::vector<std::string> split(const std::string& text, const char* lang) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text, lang)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

using Sentences = std::vector<std::string>;

// The contract of split_sentences, whatever the text: spans inside it, in order, not
// overlapping, not empty, trimmed, and every non-space character inside some span.
void check_contract(const std::string& text, const char* lang) {
  const std::vector<Span> spans = split_sentences(text, lang);
  size_t covered = 0;
  for (const Span& s : spans) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    REQUIRE(s.begin >= covered);
    for (size_t pos = covered; pos < s.begin;) {
      CHECK(precis::is_space(precis::decode_utf8(text, pos)));
    }
    size_t first = s.begin;
    CHECK_FALSE(precis::is_space(precis::decode_utf8(text, first)));
    size_t last = s.end - 1;
    while (last > s.begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    size_t probe = last;
    CHECK_FALSE(precis::is_space(precis::decode_utf8(text, probe)));
    covered = s.end;
  }
  for (size_t pos = covered; pos < text.size();) {
    CHECK(precis::is_space(precis::decode_utf8(text, pos)));
  }
}

}  // namespace

TEST_CASE("split_sentences: plain sentences, ?, !, ?! and !!!") {
  CHECK(split("Hello World. My name is Jonas.", "en") ==
        Sentences{"Hello World.", "My name is Jonas."});
  CHECK(split("What is your name? My name is Jonas.", "en") ==
        Sentences{"What is your name?", "My name is Jonas."});
  CHECK(split("Hello?! Is that you? Wow!!! Great.", "en") ==
        Sentences{"Hello?!", "Is that you?", "Wow!!!", "Great."});
  CHECK(split("She works at Yahoo! in the accounting department.", "en").size() == 1);
  CHECK(split("Mais comment faire ? Les études durent six ans !", "fr") ==
        Sentences{"Mais comment faire ?", "Les études durent six ans !"});
  CHECK(split("¿Cómo está hoy? ¡Muy bien! Gracias.", "es") ==
        Sentences{"¿Cómo está hoy?", "¡Muy bien!", "Gracias."});
}

TEST_CASE("split_sentences: a line break ends a sentence") {
  CHECK(split("Breaking news\nThe minister resigned. He left\n\n- a list item\n", "en") ==
        Sentences{"Breaking news", "The minister resigned.", "He left", "- a list item"});
  // UD English joins paragraphs with '\n': each paragraph end is a sentence end.
  CHECK(split("From the AP comes this story :\nPresident Bush nominated two judges.", "en") ==
        Sentences{"From the AP comes this story :", "President Bush nominated two judges."});
}

TEST_CASE("split_sentences: English abbreviations, titles and initials") {
  CHECK(split("Mr. Smith met Dr. Jones at St. Michael's Church. They talked.", "en") ==
        Sentences{"Mr. Smith met Dr. Jones at St. Michael's Church.", "They talked."});
  CHECK(split("Please turn to p. 55. Were Jane and co. at the party?", "en") ==
        Sentences{"Please turn to p. 55.", "Were Jane and co. at the party?"});
  CHECK(split("Let's ask Jane and co. They should know.", "en") ==
        Sentences{"Let's ask Jane and co.", "They should know."});
  CHECK(split("I live in the U.S. How about you?", "en") ==
        Sentences{"I live in the U.S.", "How about you?"});
  CHECK(split("I work for the U.S. Government in Virginia.", "en").size() == 1);
  CHECK(split("J. R. R. Tolkien wrote it. Jennifer M. Anderson read it.", "en") ==
        Sentences{"J. R. R. Tolkien wrote it.", "Jennifer M. Anderson read it."});
  CHECK(split("We make a good team, you and I. Did you see Albert I. Jones yesterday?", "en") ==
        Sentences{"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"});
  CHECK(split("That is JFK Jr.'s book. I visited the U.S.A. last year.", "en") ==
        Sentences{"That is JFK Jr.'s book.", "I visited the U.S.A. last year."});
  CHECK(split("You can find it at N°. 1026.253.553. That is where it is.", "en") ==
        Sentences{"You can find it at N°. 1026.253.553.", "That is where it is."});
  CHECK(split("He could, but they didn't. Today's incident proves it.", "en") ==
        Sentences{"He could, but they didn't.", "Today's incident proves it."});
  CHECK(split("We sell pens, paper, etc. Thanks for asking.", "en") ==
        Sentences{"We sell pens, paper, etc.", "Thanks for asking."});
}

TEST_CASE("split_sentences: French honorifics and abbreviations") {
  CHECK(split("M. Le Maire et Mme Durand sont arrivés. Ils ont parlé.", "fr") ==
        Sentences{"M. Le Maire et Mme Durand sont arrivés.", "Ils ont parlé."});
  CHECK(split("Les derniers ouvrages de Intercept Ltd. sont ici.", "fr").size() == 1);
  CHECK(split("Il est né en 52 av. J.-C. à Rome. Il est mort jeune.", "fr") ==
        Sentences{"Il est né en 52 av. J.-C. à Rome.", "Il est mort jeune."});
  CHECK(split("Voir le texte « LL.AA.II.RR. » pour l’abréviation.", "fr").size() == 1);
}

TEST_CASE("split_sentences: German, Spanish, Italian, Portuguese, Dutch") {
  CHECK(split("Es gibt z. B. Obst. Wir haben 1.000.000 Euro.", "de") ==
        Sentences{"Es gibt z. B. Obst.", "Wir haben 1.000.000 Euro."});
  CHECK(split("Was sind die Konsequenzen der Abstimmung vom 12. Juni?", "de").size() == 1);
  CHECK(split("Wir trafen Dr. med. Meyer in der Stadt. Er war müde.", "de") ==
        Sentences{"Wir trafen Dr. med. Meyer in der Stadt.", "Er war müde."});
  CHECK(split("Hola Srta. Ledesma. Buenos días, soy el Lic. Naser Pastoriza.", "es") ==
        Sentences{"Hola Srta. Ledesma.", "Buenos días, soy el Lic. Naser Pastoriza."});
  CHECK(split("Salve Sig.ra Mengoni! Sono l'Avv. Fabrizi. Come sta?", "it") ==
        Sentences{"Salve Sig.ra Mengoni!", "Sono l'Avv. Fabrizi.", "Come sta?"});
  CHECK(split("O Sr. Silva chegou ontem. Ele trouxe o Dr. Costa.", "pt") ==
        Sentences{"O Sr. Silva chegou ontem.", "Ele trouxe o Dr. Costa."});
  CHECK(split("Dhr. Jansen kwam binnen. 81 procent was raak.", "nl") ==
        Sentences{"Dhr. Jansen kwam binnen.", "81 procent was raak."});
}

TEST_CASE("split_sentences: web English starts sentences in lowercase, other languages do not") {
  CHECK(split("where did you grow up? india? cool.", "en") ==
        Sentences{"where did you grow up?", "india?", "cool."});
  CHECK(split("the dogs were shrunk. you should get a cat.", "en") ==
        Sentences{"the dogs were shrunk.", "you should get a cat."});
  CHECK(split("Admón. es administración.", "es").size() == 1);
  CHECK(split("Uvidíme sa. zajtra.", "sk").size() == 1);
}

TEST_CASE("split_sentences: Russian abbreviations") {
  CHECK(split("Уважаемый проф. Семенов! Просьба до 20.10 сдать отчет.", "ru") ==
        Sentences{"Уважаемый проф. Семенов!", "Просьба до 20.10 сдать отчет."});
  CHECK(split("В 2010-2012 гг. Виктор посещал г. Волгоград.", "ru").size() == 1);
}

TEST_CASE("split_sentences: an unknown language uses every list") {
  CHECK(split("Mme Durand et Mr. Smith sont là. Sig. Rossi aussi.", "xx") ==
        Sentences{"Mme Durand et Mr. Smith sont là.", "Sig. Rossi aussi."});
  CHECK(precis::word_lists("xx").is_title("mme"));
  CHECK(precis::word_lists("xx").is_title("dr"));
  CHECK_FALSE(precis::word_lists("en").is_title("mme"));
}

TEST_CASE("split_sentences: decimals and thousands never split") {
  CHECK(split("L'aide atteint 18,3 milliards, soit 1.5 fois plus, pour 839.000 euros.", "fr")
            .size() == 1);
  CHECK(split("She has $100.00. It is in her bag.", "en") ==
        Sentences{"She has $100.00.", "It is in her bag."});
  CHECK(split("La casa costa 170.500.000,00€! Muy costosa.", "it") ==
        Sentences{"La casa costa 170.500.000,00€!", "Muy costosa."});
}

TEST_CASE("split_sentences: ellipses") {
  CHECK(split("I never meant that.... She left the store.", "en") ==
        Sentences{"I never meant that....", "She left the store."});
  CHECK(split("I wasn’t really ... well, what I mean...see . . . I didn’t mean it.", "en")
            .size() == 1);
  CHECK(split("Il hésite… Puis il part.", "fr") == Sentences{"Il hésite…", "Puis il part."});
  CHECK(split("Il hésite… et part.", "fr").size() == 1);
  CHECK(split("\"Bohr [...] used the analogy [...]\" (Smith 55).", "en").size() == 1);
  CHECK(split("It was weakened. . . . The practice was not abandoned. . . .", "en") ==
        Sentences{"It was weakened.", ". . . The practice was not abandoned. . . ."});
}

TEST_CASE("split_sentences: quotations, guillemets and parentheses") {
  CHECK(split("She turned to him, \"This is great.\" she said.", "en").size() == 1);
  CHECK(split("She turned to him, \"This is great.\" She held the book.", "en") ==
        Sentences{"She turned to him, \"This is great.\"", "She held the book."});
  // Nested quotes: the inner stop is followed by a lowercase word.
  CHECK(split("He said: “She told me ‘Go home.’ and left.” Then he sat.", "en") ==
        Sentences{"He said: “She told me ‘Go home.’ and left.”", "Then he sat."});
  CHECK(split("He teaches (He worked 5 years as an engineer.) at the University.", "en").size() ==
        1);
  CHECK(split("„Ich habe keine Zeit“, sagte sie: „Und auch keine Lust.“ Wir gehen.", "de") ==
        Sentences{"„Ich habe keine Zeit“, sagte sie: „Und auch keine Lust.“", "Wir gehen."});
  // French spacing puts a space before ? ! and the closing guillemet.
  CHECK(split("« Pourquoi ? » a-t-il demandé. « Parce que ! » Elle est partie.", "fr") ==
        Sentences{"« Pourquoi ? » a-t-il demandé.", "« Parce que ! »", "Elle est partie."});
  CHECK(split("Una lettera si può iniziare così «Il/la sottoscritto/a.».", "it").size() == 1);
}

TEST_CASE("split_sentences: the tricky bits of the sample French article") {
  // From samples/fr-belarus-convoy.txt (guillemets around words, a quote spanning sentences,
  // typographic apostrophes, dashes, 18,3).
  const std::string text =
      "Le ministère biélorusse de la Défense a déclaré que la mission était « exclusivement » de "
      "renforcer la protection de ses frontières.\n"
      "« Ce qui se passe aujourd’hui est désagréable, c’est un euphémisme », a-t-il déclaré. "
      "« Mais on aurait eu tout ça un peu plus tard, mais dans des conditions pires pour nous, "
      "c’est tout. Mes actions sont donc correctes et opportunes.\n"
      "Alors que les « défenseurs ukrainiens repoussent les forces russes », les États-Unis "
      "restent unis à l’Ukraine, a déclaré Blinken vendredi dans un tweet.\n"
      "Le pont endommagé – une voie d’approvisionnement clé pour les soldats russes – ne sera pas "
      "réparé avant juillet. Kyiv n’a pas revendiqué l’attentat.\n"
      "Le dernier paquet porte l’aide militaire américaine totale à l’Ukraine à 18,3 milliards "
      "de dollars de la part de l’administration de Joe Biden.";
  const Sentences got = split(text, "fr");
  REQUIRE(got.size() == 8);
  CHECK(got[1] == "« Ce qui se passe aujourd’hui est désagréable, c’est un euphémisme », a-t-il "
                  "déclaré.");
  CHECK(got[2].rfind("« Mais on aurait", 0) == 0);
  CHECK(got[3] == "Mes actions sont donc correctes et opportunes.");
  CHECK(got[5].find("– ne sera pas réparé avant juillet.") != std::string::npos);
  CHECK(got[7].find("18,3 milliards") != std::string::npos);
  check_contract(text, "fr");
}

TEST_CASE("split_sentences: a missing space after a full stop") {
  CHECK(split("Le coût est de 3 millions d'euros.Alors que le budget baisse.", "fr") ==
        Sentences{"Le coût est de 3 millions d'euros.", "Alors que le budget baisse."});
  CHECK(split("Il est né en 2020.Depuis il grandit.", "fr") ==
        Sentences{"Il est né en 2020.", "Depuis il grandit."});
  CHECK(split("Le parquet enquête.L'incendie a repris.A Lyon, rien.", "fr") ==
        Sentences{"Le parquet enquête.", "L'incendie a repris.", "A Lyon, rien."});
  CHECK(split("La liste : 1.Helado, 2.Carne.", "es").size() == 1);
  CHECK(split("Lisez actu.orange.fr pour en savoir plus.", "fr").size() == 1);
  CHECK(split("See www.Example.Com for details, e.g. the U.S. page.", "en").size() == 1);
  CHECK(split("Her email is Jane.Doe@example.com. I sent her an email.", "en") ==
        Sentences{"Her email is Jane.Doe@example.com.", "I sent her an email."});
  CHECK(split("The site is: https://www.example.50.com/new-site/Awesome.Html. Check it.", "en") ==
        Sentences{"The site is: https://www.example.50.com/new-site/Awesome.Html.", "Check it."});
  CHECK(split("He has a Ph.D. in physics and scored 3.5 points.", "en").size() == 1);
  CHECK(split("Il vit à St.Louis depuis un an.", "fr").size() == 1);
}

TEST_CASE("split_sentences: CJK full stops need no space") {
  CHECK(split("これはペンです。それはマーカーです。", "ja") ==
        Sentences{"これはペンです。", "それはマーカーです。"});
  CHECK(split("それは何ですか？ペンですか？", "ja") == Sentences{"それは何ですか？", "ペンですか？"});
  // A stop inside a book title 《…》 does not end the sentence; "３．２９" is a decimal.
  CHECK(split("我们明天一起去看《摔跤吧！爸爸》好吗？好！", "zh") ==
        Sentences{"我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"});
  CHECK(split("幅は３．２９％以上を目指す。", "ja").size() == 1);
}

TEST_CASE("split_sentences: inline lists and bullets") {
  CHECK(split("1) The first item 2) The second item", "en") ==
        Sentences{"1) The first item", "2) The second item"});
  CHECK(split("1.) The first item. 2.) The second item.", "en") ==
        Sentences{"1.) The first item.", "2.) The second item."});
  CHECK(split("a. The first item b. The second item c. The third list item", "en") ==
        Sentences{"a. The first item", "b. The second item", "c. The third list item"});
  CHECK(split("• 9. The first item • 10. The second item", "en") ==
        Sentences{"• 9. The first item", "• 10. The second item"});
}

TEST_CASE("split_sentences: right-to-left scripts, emoji, other stops") {
  CHECK(split("مرحبا بالعالم. كيف حالك؟ أنا بخير.", "ar") ==
        Sentences{"مرحبا بالعالم.", "كيف حالك؟", "أنا بخير."});
  CHECK(split("שלום עולם. מה שלומך?", "he") == Sentences{"שלום עולם.", "מה שלומך?"});
  CHECK(split("Great party 🎉. See you 😀! Bye 👋🏽", "en") ==
        Sentences{"Great party 🎉.", "See you 😀!", "Bye 👋🏽"});
  CHECK(split("सच्चाई यह है कि इसे कोई नहीं जानता। हो सकता है।", "hi") ==
        Sentences{"सच्चाई यह है कि इसे कोई नहीं जानता।", "हो सकता है।"});
}

TEST_CASE("split_sentences: offsets round-trip and the contract holds") {
  const char* texts[] = {
      "",
      "   ",
      "\n\n\n",
      "One.",
      "  Padded sentence.   Another one.  ",
      "A\u00a0non-breaking space.\u00a0Next\u2028line.",
      ". . . ! ? … 。",
      "«  »  “ ” ( ) [ ]",
      "Mr. Dr. St. etc. U.S. e.g. i.e.",
      "1. 2. 3. a. b. c. • • •",
      "Wait.\nNo.\r\nYes.",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    check_contract(text, "en");
    check_contract(text, "fr");
  }
  const std::string text = "Première phrase. Deuxième phrase ?\nTroisième… « Quatrième ! »";
  const std::vector<Span> spans = split_sentences(text, "fr");
  REQUIRE(spans.size() == 4);
  CHECK(text.substr(spans[0].begin, spans[0].size()) == "Première phrase.");
  CHECK(spans[1].begin == spans[0].end + 1);
  CHECK(text.substr(spans[3].begin) == "« Quatrième ! »");
  CHECK(spans[3].end == text.size());
}

TEST_CASE("split_sentences: pathological inputs stay linear and inside the text") {
  SUBCASE("1 MB without punctuation is one sentence") {
    const std::string text(1 << 20, 'a');
    const std::vector<Span> spans = split_sentences(text, "en");
    REQUIRE(spans.size() == 1);
    CHECK(spans[0] == Span{0, text.size()});
  }
  SUBCASE("1 MB of words without a stop") {
    std::string text;
    while (text.size() < (1 << 20)) text += "mot ";
    const std::vector<Span> spans = split_sentences(text, "fr");
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end == text.size() - 1);
  }
  SUBCASE("only dots, spaced dots, dotted letters") {
    for (const std::string unit : {".", ". ", "a.", "A. ", ".\u201d", "[", "1. a "}) {
      std::string text;
      while (text.size() < (1 << 19)) text += unit;
      CAPTURE(unit);
      check_contract(text, "en");
    }
  }
  SUBCASE("many short sentences") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "Il pleut. Il fait beau ! ";
    CHECK(split_sentences(text, "fr").size() == 40000);
  }
  SUBCASE("malformed UTF-8 never reads outside the text") {
    const std::string text = "Bad \xff\xfe bytes. Next \xe2\x80 sentence.\xc3";
    check_contract(text, "en");
    CHECK(split_sentences(text, "en").size() == 2);
  }
}
