#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "clean.h"
#include "langid.h"
#include "test_support.h"

using precis::detect_language;
using precis::LanguageGuess;

namespace {

struct Sample {
  const char* code;
  const char* text;
};

// Two or three ordinary news sentences per language, written for this test.
const Sample kSamples[] = {
    {"en", "The government said on Tuesday that it would raise taxes on fuel. Critics warned that "
           "the measure could hurt families who depend on their cars."},
    {"fr", "Le gouvernement a annoncé mardi une hausse des taxes sur le carburant. Les critiques "
           "estiment que cette mesure pourrait pénaliser les familles qui dépendent de leur voiture."},
    {"de", "Die Regierung hat am Dienstag angekündigt, die Steuern auf Kraftstoff zu erhöhen. "
           "Kritiker warnen, dass die Maßnahme Familien schaden könnte, die auf ihr Auto angewiesen "
           "sind."},
    {"es", "El gobierno anunció el martes una subida de los impuestos sobre el combustible. Los "
           "críticos advierten que la medida podría perjudicar a las familias que dependen del coche."},
    {"it", "Il governo ha annunciato martedì un aumento delle tasse sul carburante. I critici "
           "avvertono che la misura potrebbe danneggiare le famiglie che dipendono dall'auto."},
    {"pt", "O governo anunciou na terça-feira um aumento dos impostos sobre o combustível. Os "
           "críticos alertam que a medida pode prejudicar as famílias que dependem do carro."},
    {"nl", "De regering heeft dinsdag aangekondigd dat de belasting op brandstof wordt verhoogd. "
           "Critici waarschuwen dat de maatregel gezinnen kan schaden die van hun auto afhankelijk "
           "zijn."},
    {"ar", "أعلنت الحكومة يوم الثلاثاء عن زيادة الضرائب على الوقود. ويحذر المنتقدون من أن هذا "
           "الإجراء قد يضر بالعائلات."},
    {"he", "הממשלה הודיעה ביום שלישי על העלאת המסים על הדלק. המבקרים מזהירים שהצעד עלול לפגוע "
           "במשפחות."},
    {"ru", "Правительство во вторник объявило о повышении налогов на топливо. Критики "
           "предупреждают, что эта мера может ударить по семьям."},
    {"uk", "Уряд у вівторок оголосив про підвищення податків на пальне. Критики попереджають, що "
           "цей захід може вдарити по сім'ях, які залежать від своїх автомобілів."},
    {"el", "Η κυβέρνηση ανακοίνωσε την Τρίτη αύξηση των φόρων στα καύσιμα. Οι επικριτές "
           "προειδοποιούν ότι το μέτρο μπορεί να βλάψει τις οικογένειες."},
    {"zh", "政府周二宣布提高燃油税。批评人士警告说，这项措施可能会伤害依赖汽车的家庭。"},
    {"ja", "政府は火曜日、燃料税の引き上げを発表した。批判者たちは、この措置が車に頼る家庭に打撃を"
           "与える可能性があると警告している。"},
    {"ko", "정부는 화요일 연료세 인상을 발표했다. 비평가들은 이 조치가 자동차에 의존하는 가정에 "
           "피해를 줄 수 있다고 경고했다."},
    {"th", "รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นภาษีน้ำมันเชื้อเพลิง "
           "นักวิจารณ์เตือนว่ามาตรการนี้อาจส่งผลกระทบต่อครอบครัว"},
    {"hi", "सरकार ने मंगलवार को ईंधन पर कर बढ़ाने की घोषणा की। आलोचकों ने चेतावनी दी कि यह कदम "
           "परिवारों को नुकसान पहुंचा सकता है।"},
};

}  // namespace

TEST_CASE("each language's news sentences are recognised reliably") {
  for (const Sample& sample : kSamples) {
    const std::string code = sample.code;
    CAPTURE(code);
    const LanguageGuess guess = detect_language(sample.text);
    CHECK(guess.code == code);
    CHECK(guess.reliable);
    CHECK(guess.confidence > 0.5);
    CHECK(guess.confidence <= 1.0);
  }
}

TEST_CASE("single sentences of the seven main languages") {
  const Sample sentences[] = {
      {"en", "The minister said the talks would continue next week."},
      {"fr", "Le ministre a déclaré que les discussions reprendraient la semaine prochaine."},
      {"de", "Der Minister sagte, die Gespräche würden in der nächsten Woche fortgesetzt."},
      {"es", "El ministro dijo que las conversaciones continuarán la próxima semana."},
      {"it", "Il ministro ha detto che i colloqui continueranno la prossima settimana."},
      {"pt", "O ministro disse que as conversações vão continuar na próxima semana."},
      {"nl", "De minister zei dat de gesprekken volgende week worden voortgezet."},
  };
  for (const Sample& sample : sentences) {
    const std::string code = sample.code;
    CAPTURE(code);
    const LanguageGuess guess = detect_language(sample.text);
    CHECK(guess.code == code);
    CHECK(guess.reliable);
  }
}

TEST_CASE("Cyrillic: Russian unless Ukrainian letters show up") {
  CHECK(detect_language("Москва и Киев провели переговоры в Стамбуле.").code == "ru");
  CHECK(detect_language("Київ і Москва провели перемовини в Стамбулі, повідомляє агентство.").code ==
        "uk");
}

TEST_CASE("text without words gives und, never reliable") {
  for (const char* text : {"", "   ", "12 345 678,90 – 2022/10/15", "😀😂👍🏽 🎉🎉", "!!! ??? ...",
                           "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB 42"}) {
    const LanguageGuess guess = detect_language(text);
    CHECK(guess.code == "und");
    CHECK_FALSE(guess.reliable);
    CHECK(guess.confidence == 0);
  }
}

TEST_CASE("short text is not reliable") {
  for (const char* text : {"Paris", "Merci", "Hello world", "Man City", "la", "Google Maps update",
                           "Zelensky"}) {
    CAPTURE(text);
    CHECK_FALSE(detect_language(text).reliable);
  }
}

TEST_CASE("mixed text goes to the language of most of it") {
  const std::string fr_with_english =
      "« It is a great day for our country », a déclaré le président américain lors d'une "
      "conférence de presse à la Maison Blanche, avant de quitter la capitale pour une tournée "
      "dans les États du Sud où il doit rencontrer des élus.";
  CHECK(detect_language(fr_with_english).code == "fr");
  const std::string en_with_russian =
      "The Kremlin said the talks, which it called «переговоры без предварительных условий», "
      "would go ahead in Istanbul next week despite the objections of several European leaders.";
  const LanguageGuess guess = detect_language(en_with_russian);
  CHECK(guess.code == "en");
  const std::string numbers_and_french = "2022 : 18,3 milliards de dollars, 725 millions, 46 morts.";
  CHECK(detect_language(numbers_and_french).code == "fr");
}

TEST_CASE("other Latin-script languages are not taken for the main seven") {
  // Swedish: its function words are listed, so it is named.
  CHECK(detect_language("Regeringen meddelade på tisdagen att skatten på bränsle ska höjas, och "
                        "kritiker varnar för att det kan drabba familjer som är beroende av bilen.")
            .code == "sv");
  // Latin placeholder text: none of ours, enough words to say so.
  const LanguageGuess lorem = detect_language(
      "Lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod tempor incididunt ut "
      "labore dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco laboris nisi "
      "aliquip commodo consequat");
  CHECK(lorem.code == "und");
  CHECK_FALSE(lorem.reliable);
}

TEST_CASE("only the first ~20k bytes are read") {
  std::string text;
  while (text.size() < 30000) text += "The minister said the talks would continue next week. ";
  std::string tail;
  while (tail.size() < 100000) tail += "Le ministre a dit que les discussions continueraient. ";
  CHECK(detect_language(text + tail).code == "en");
  // Cutting inside a multi-byte character is harmless.
  std::string accents(19999, 'a');
  accents += "ééééé";
  CHECK_NOTHROW(detect_language(accents));
}

TEST_CASE("the sample article is French, reliably, once cleaned") {
  const std::string article = precis::testing::read_fixture("fr-belarus-convoy/article.txt");
  REQUIRE(!article.empty());
  const auto expected = nlohmann::json::parse(
      precis::testing::read_fixture("fr-belarus-convoy/expected.json"));
  const LanguageGuess guess = detect_language(precis::clean(article).text);
  CHECK(guess.code == expected["lang"].get<std::string>());
  CHECK(guess.reliable);
  CHECK(guess.confidence > 0.75);
}
