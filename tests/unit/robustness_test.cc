// Whatever is pasted, the pipeline answers sensibly or says why not: never a crash, a hang, or an
// offset outside the input. One case per kind of awkward input (issue: hardening).
#include <doctest/doctest.h>

#include <string>

#include "pipeline.h"
#include "utf8.h"

using namespace precis;

namespace {

// Summarizes with every sentence returned and checks the invariants every result must hold.
Result checked_summary(const std::string& text, int sentences = 3) {
  Options options;
  options.length.sentences = sentences;
  options.all_sentences = true;
  Result r = summarize(text, options);
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  CHECK(r.summary.size() <= r.sentences.size());
  size_t previous_end = 0;
  for (const SentenceResult& s : r.sentences) {
    CHECK(s.bytes.begin <= s.bytes.end);
    CHECK(s.bytes.end <= text.size());
    CHECK(s.bytes.begin >= previous_end);   // sentences never overlap
    previous_end = s.bytes.end;
    CHECK(s.utf16.end <= text.size());
    CHECK(!s.text.empty());
  }
  for (const RemovalResult& x : r.removed) CHECK(x.bytes.end <= text.size());
  CHECK(!result_to_json(r).empty());
  return r;
}

std::string repeat(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("empty and blank input give no sentences and a warning") {
  for (const std::string text : {"", " ", "\n\n\n", "\t \r\n \xC2\xA0"}) {
    Result r = checked_summary(text);
    CHECK(r.summary.empty());
    CHECK(r.warnings.size() == 1);
  }
}

TEST_CASE("a single word is its own summary") {
  Result r = checked_summary("Bonjour");
  REQUIRE(r.summary.size() == 1);
  CHECK(r.summary[0].text == "Bonjour");
}

TEST_CASE("text without any punctuation still yields sentences") {
  std::string text = repeat("the quick brown fox jumps over the lazy dog ", 400);
  Result r = checked_summary(text);
  CHECK(!r.summary.empty());
}

TEST_CASE("one sentence of a megabyte") {
  std::string text = repeat("word ", 200000) + ".";
  Result r = checked_summary(text, 1);
  CHECK(r.summary.size() == 1);
}

TEST_CASE("ten megabytes of real-looking text") {
  std::string paragraph =
      "Le gouvernement a présenté mardi son projet de loi. Les syndicats ont réagi avec prudence. "
      "« Nous attendons des garanties », a déclaré un responsable.\n";
  std::string text = repeat(paragraph, 10'000'000 / paragraph.size());
  Result r = checked_summary(text, 5);
  CHECK(r.summary.size() == 5);
  CHECK(r.stats.sentences > 150000);   // three per paragraph
}

TEST_CASE("input above the maximum is refused with the limit in the message") {
  Options options;
  options.max_input_bytes = 1000;
  Result r = summarize(repeat("a", 1001), options);
  CHECK(r.error.find("maximum") != std::string::npos);
}

TEST_CASE("invalid UTF-8, NUL bytes and binary junk") {
  std::string invalid = "Une phrase valide. \xFF\xFE Une autre \xC3( phrase. Fin \xE2\x82.";
  Result r = checked_summary(invalid);
  CHECK(r.stats.invalid_bytes >= 3);
  size_t length = 0;
  for (const auto& s : r.sentences)
    for (size_t pos = 0; pos < s.text.size(); pos += length) REQUIRE(valid_utf8_at(s.text, pos, length));

  checked_summary(std::string("First sentence.\0Second sentence.\0", 34));
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary += static_cast<char>((i * 7919) % 256);
  checked_summary(binary);
}

TEST_CASE("HTML, Markdown, source code, tables and lists") {
  checked_summary("<html><body><p>Le texte.</p><script>alert('x')</script><p>Encore du texte ici.</p></body></html>");
  checked_summary("# Titre\n\n- premier point\n- second point\n\n**Gras** et *italique*. Une [lien](http://x.y).");
  checked_summary("int main() {\n  return 0; // done.\n}\nfor (i = 0; i < n; ++i) { x[i] = i; }");
  checked_summary("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n");
  Result r = checked_summary("Ingrédients :\n1. farine\n2. sucre\n3. œufs\nMélanger le tout.");
  CHECK(r.stats.sentences >= 4);
}

TEST_CASE("emoji, ZWJ sequences, right-to-left and CJK text") {
  Result emoji = checked_summary("Great news 👨‍👩‍👧‍👦 for families. The 🏳️‍🌈 flag was raised. Done 👍🏽.");
  CHECK(emoji.sentences.size() == 3);
  checked_summary("هذا نص عربي. إنه يحتوي على جملتين.");
  checked_summary("זהו טקסט בעברית. יש בו שני משפטים.");
  Result cjk = checked_summary("今天天气很好。我们去公园散步。然后回家吃饭。");
  CHECK(cjk.sentences.size() == 3);
  checked_summary("日本語の文です。これは二つ目の文です！");
}

TEST_CASE("mixed languages and all capitals") {
  checked_summary("The minister spoke. Le ministre a parlé. Der Minister sprach. El ministro habló.");
  Result caps = checked_summary("THE COUNCIL VOTED ON MONDAY. THE BUDGET PASSED. CRITICS WERE ANGRY.");
  CHECK(caps.sentences.size() == 3);
}

TEST_CASE("the same sentence thousands of times is summarized once per requested sentence") {
  std::string text = repeat("The same sentence again and again. ", 5000);
  Result r = checked_summary(text, 3);
  CHECK(r.summary.size() == 3);
  CHECK(r.stats.sentences == 5000);
}
