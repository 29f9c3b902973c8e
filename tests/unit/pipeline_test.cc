#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "pipeline.h"
#include "utf8.h"
#include "test_support.h"

using namespace precis;

namespace {

Options sentences(int n) {
  Options options;
  options.length.sentences = n;
  return options;
}

const char* kEnglish =
    "The city council approved the new budget on Monday. The plan raises spending on schools by ten percent. "
    "Critics said the increase was not enough. The mayor defended the plan in a speech. "
    "Teachers' unions welcomed the decision but asked for more. The budget takes effect in January.";

}  // namespace

TEST_CASE("summarize returns the requested number of sentences in original order") {
  Result r = summarize(kEnglish, sentences(2));
  REQUIRE(r.error.empty());
  CHECK(r.stats.sentences == 6);
  REQUIRE(r.summary.size() == 2);
  CHECK(r.summary[0].index < r.summary[1].index);
  CHECK(r.scorer == "lexical");
}

TEST_CASE("offsets point at the sentence in the original text") {
  std::string text = "  Première phrase ici.\r\n\r\n[ad_1]\r\nDeuxième phrase — avec 😀 un emoji. Troisième phrase.";
  Options options = sentences(3);
  options.all_sentences = true;
  Result r = summarize(text, options);
  REQUIRE(r.error.empty());
  REQUIRE(r.sentences.size() == 3);
  for (const auto& s : r.sentences) {
    REQUIRE(s.bytes.end <= text.size());
    CHECK(text.substr(s.bytes.begin, s.bytes.size()) == s.text);
  }
  // UTF-16: "😀" is two code units, "—", "è", "é" one each.
  const auto& second = r.sentences[1];
  std::u16string units;
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = decode_utf8(text, pos);
    if (cp >= 0x10000) { units += char16_t(0xD800 + ((cp - 0x10000) >> 10)); units += char16_t(0xDC00 + (cp & 0x3FF)); }
    else units += char16_t(cp);
  }
  CHECK(second.utf16.size() == std::u16string(u"Deuxième phrase — avec 😀 un emoji.").size());
  CHECK(units.substr(second.utf16.begin, second.utf16.size()) == u"Deuxième phrase — avec 😀 un emoji.");
}

TEST_CASE("the sample article loses its junk and splits at its quotes") {
  std::string article = precis::testing::read_fixture("fr-belarus-convoy/article.txt");
  REQUIRE_MESSAGE(!article.empty(), "tests/fixtures/fr-belarus-convoy/article.txt is missing");
  Options options = sentences(3);
  options.all_sentences = true;
  Result r = summarize(article, options);
  REQUIRE(r.error.empty());
  CHECK(r.lang == "fr");
  REQUIRE(r.summary.size() == 3);
  for (const auto& s : r.sentences) {
    CHECK(s.text.find("[ad_") == std::string::npos);
    CHECK(s.text.find("Source link") == std::string::npos);
  }
  for (const auto& s : r.summary) {
    // No fragment: a sentence starts with a capital letter or a quote and ends with a stop or quote.
    CHECK_MESSAGE(s.text.size() > 20, s.text);
    const char last = s.text.back();
    const bool closes = last == '.' || last == '!' || last == '?' || s.text.size() >= 2 &&
                        s.text.compare(s.text.size() - 2, 2, "\xC2\xBB") == 0;
    CHECK_MESSAGE(closes, s.text);
  }
  bool ad_removed = std::any_of(r.removed.begin(), r.removed.end(), [](const RemovalResult& x) { return x.text == "[ad_1]"; });
  CHECK(ad_removed);
}

TEST_CASE("length by ratio and by words") {
  Options ratio;
  ratio.length.ratio = 0.5;
  CHECK(summarize(kEnglish, ratio).summary.size() == 3);
  Options words;
  words.length.words = 12;
  Result r = summarize(kEnglish, words);
  REQUIRE(r.summary.size() >= 1);
  if (r.summary.size() > 1) CHECK(r.stats.summary_words <= 12);
}

TEST_CASE("bad input gets a clear error or an empty result, never a crash") {
  CHECK(summarize("", sentences(3)).summary.empty());
  CHECK(summarize("   \n\t  ", sentences(3)).warnings.size() == 1);
  Options tiny = sentences(3);
  tiny.max_input_bytes = 10;
  CHECK(summarize("This text is longer than ten bytes.", tiny).error.find("maximum") != std::string::npos);
  Options bad = sentences(3);
  bad.length.ratio = 2;
  CHECK(summarize(kEnglish, bad).error.find("ratio") != std::string::npos);
  bad = sentences(3);
  bad.lang = "<script>";
  CHECK(summarize(kEnglish, bad).error.find("lang") != std::string::npos);
}

TEST_CASE("result JSON has the documented shape") {
  std::string json = result_to_json(summarize(kEnglish, sentences(1)));
  for (const char* key : {"\"lang\"", "\"lang_detected\"", "\"scorer\"", "\"summary\"", "\"removed\"", "\"stats\"", "\"warnings\"", "\"utf16\"", "\"bytes\""})
    CHECK_MESSAGE(json.find(key) != std::string::npos, key);
  CHECK(result_to_json(error_result("boom")) == R"({"error":"boom"})");
}

TEST_CASE("two phases: the model's embeddings reach the scorer") {
  auto model = std::make_shared<Model>();
  REQUIRE(precis::testing::read_test_model("tiny-pooled", *model) == "");
  Options options = sentences(2);
  options.title = "Council approves budget";
  Job job(kEnglish, options, model);
  REQUIRE(job.error().empty());
  REQUIRE(!job.batches().empty());
  const size_t dim = static_cast<size_t>(model->manifest().dimension);

  size_t rows = 0;
  for (size_t b = 0; b < job.batches().size(); ++b) {
    const TokenBatch& batch = job.batches()[b];
    rows += batch.rows;
    // A made-up encoder: each row's vector depends on its first token, so rows differ.
    std::vector<float> output(batch.rows * dim);
    for (size_t r = 0; r < batch.rows; ++r)
      for (size_t k = 0; k < dim; ++k) output[r * dim + k] = float((batch.input_ids[r * batch.cols] + k) % 7) + 0.5f;
    CHECK(job.set_output(b, output.data(), {int64_t(batch.rows), int64_t(dim)}) == "");
  }
  CHECK(rows == 7);   // six sentences and the title
  for (size_t i = 0; i < job.embeddings().count(); ++i) {
    double norm = 0;
    for (size_t k = 0; k < dim; ++k) norm += job.embeddings().row(i)[k] * job.embeddings().row(i)[k];
    CHECK(norm == doctest::Approx(1.0).epsilon(1e-5));
  }
  Result r = job.finish();
  CHECK(r.scorer == "tiny-pooled");
  CHECK(r.summary.size() == 2);
  CHECK(r.warnings.empty());
}

TEST_CASE("two phases: a wrong output shape is refused and the summary falls back to lexical") {
  auto model = std::make_shared<Model>();
  REQUIRE(precis::testing::read_test_model("tiny-pooled", *model) == "");
  Job job(kEnglish, sentences(2), model);
  REQUIRE(!job.batches().empty());
  std::vector<float> output(job.batches()[0].rows * 5, 1.0f);
  CHECK(job.set_output(0, output.data(), {int64_t(job.batches()[0].rows), 5}).find("expected") != std::string::npos);
  CHECK(job.set_output(99, output.data(), {1, 5}).find("does not exist") != std::string::npos);
  Result r = job.finish();
  CHECK(r.scorer == "lexical");
  CHECK(r.warnings.size() == 1);
}

TEST_CASE("mean pooling over token states respects the mask") {
  auto model = std::make_shared<Model>();
  REQUIRE(precis::testing::read_test_model("tiny-transformer-like", *model) == "");
  REQUIRE(model->manifest().pooling == Pooling::kMean);
  Job job("One short sentence. Another sentence that is quite a lot longer than the first one.", sentences(1), model);
  REQUIRE(job.batches().size() == 1);
  const TokenBatch& batch = job.batches()[0];
  const size_t dim = static_cast<size_t>(model->manifest().dimension);
  // Real tokens carry +1 in dimension 0, padding carries +1 in dimension 1: pooled rows must have
  // nothing in dimension 1.
  std::vector<float> states(batch.rows * batch.cols * dim, 0.0f);
  for (size_t r = 0; r < batch.rows; ++r)
    for (size_t t = 0; t < batch.cols; ++t)
      states[(r * batch.cols + t) * dim + (batch.attention_mask[r * batch.cols + t] ? 0 : 1)] = 1.0f;
  REQUIRE(job.set_output(0, states.data(), {int64_t(batch.rows), int64_t(batch.cols), int64_t(dim)}) == "");
  for (size_t i = 0; i < 2; ++i) {
    CHECK(job.embeddings().row(i)[0] == doctest::Approx(1.0f));
    CHECK(job.embeddings().row(i)[1] == doctest::Approx(0.0f));
  }
}

TEST_CASE("a model is not run on text in a language its manifest does not list") {
  auto model = std::make_shared<Model>();
  REQUIRE(precis::testing::read_test_model("tiny-pooled", *model) == "");   // serves fr and en
  CHECK(model->serves("en"));
  CHECK_FALSE(model->serves("de"));
  Options german = sentences(2);
  german.lang = "de";
  Job job(kEnglish, german, model);
  REQUIRE(job.error().empty());
  CHECK(job.batches().empty());   // no encoder work at all
  Result r = job.finish();
  CHECK(r.scorer == "lexical");
  CHECK(r.summary.size() == 2);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("does not cover this language (de)") != std::string::npos);
  // The lexical summary is exactly what lexical-only scoring gives.
  Result lexical = summarize(kEnglish, german);
  REQUIRE(lexical.summary.size() == 2);
  CHECK(r.summary[0].index == lexical.summary[0].index);
  CHECK(r.summary[1].index == lexical.summary[1].index);
}

TEST_CASE("a lazily loaded model is asked for once the language is known, and a described one is never run") {
  const std::string manifest = precis::testing::read_test_model_file("tiny-pooled", "manifest.json");
  auto described = std::make_shared<Model>();
  REQUIRE(described->describe(manifest) == "");
  CHECK_FALSE(described->loaded());
  CHECK(described->manifest().dimension == 16);
  bool truncated = true;
  CHECK(described->token_ids("Le chat dort.", truncated).empty());

  std::vector<std::string> asked;
  Options german = sentences(2);
  german.lang = "de";
  Job job(kEnglish, german, [&](const std::string& lang) {
    asked.push_back(lang);
    return described;
  });
  CHECK(asked == std::vector<std::string>{"de"});
  CHECK(job.batches().empty());
  Result r = job.finish();
  CHECK(r.scorer == "lexical");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("does not cover this language (de)") != std::string::npos);

  // A served language with a described-only model (a host bug) still gives a lexical summary.
  Options english = sentences(2);
  english.lang = "en";
  Job served(kEnglish, english, [&](const std::string&) { return described; });
  CHECK(served.batches().empty());
  CHECK(served.finish().summary.size() == 2);

  // No sentences: the model is not asked for at all.
  asked.clear();
  Job empty("   ", german, [&](const std::string& lang) {
    asked.push_back(lang);
    return described;
  });
  CHECK(asked.empty());
}
