#include <doctest/doctest.h>

#include "coherence.h"
#include "lexical.h"

using namespace precis;

TEST_CASE("coherence: anaphoric openers per language") {
  CHECK(opens_with_anaphor("en", word_tokens("He said it was over.")));
  CHECK(opens_with_anaphor("en", word_tokens("However, prices rose.")));
  CHECK_FALSE(opens_with_anaphor("en", word_tokens("The mayor said it was over.")));
  CHECK_FALSE(opens_with_anaphor("en", word_tokens("It is expected to rain.")));   // expletive "it" is not listed
  CHECK(opens_with_anaphor("fr", word_tokens("Il a démissionné lundi.")));
  CHECK(opens_with_anaphor("fr", word_tokens("Mais le conseil a refusé.")));
  CHECK_FALSE(opens_with_anaphor("fr", word_tokens("Le maire a démissionné.")));
  CHECK(opens_with_anaphor("de", word_tokens("Er sagte, es sei vorbei.")));
  CHECK(opens_with_anaphor("es", word_tokens("Él dijo que no.")));          // case-folded accented capital
  CHECK(opens_with_anaphor("it", word_tokens("Tuttavia il consiglio ha rifiutato.")));
  CHECK(opens_with_anaphor("pt", word_tokens("Ele disse que não.")));
  CHECK(opens_with_anaphor("nl", word_tokens("Hij zei dat het voorbij was.")));
  // Languages without a list, and empty sentences, never count.
  CHECK_FALSE(opens_with_anaphor("zh", word_tokens("他说")));
  CHECK_FALSE(opens_with_anaphor("en", {}));
}
