#include <doctest/doctest.h>

#include "model.h"
#include "sha256.h"
#include "test_support.h"

using namespace precis;
using precis::testing::read_test_model;

TEST_CASE("a valid model package loads and tokenizes") {
  Model model;
  REQUIRE(read_test_model("tiny-pooled", model) == "");
  CHECK(model.manifest().name == "tiny-pooled");
  CHECK(model.manifest().pooling == Pooling::kNone);
  bool truncated = true;
  std::vector<int> ids = model.token_ids("Le convoi est arrivé.", truncated);
  CHECK_FALSE(truncated);
  CHECK(ids.size() >= 3);
}

TEST_CASE("XLM-R style id mapping adds <s> and </s> and truncates to max_tokens") {
  Model model;
  REQUIRE(read_test_model("tiny-transformer-like", model) == "");
  const Manifest& m = model.manifest();
  REQUIRE(m.bos_id.has_value());
  REQUIRE(m.eos_id.has_value());
  bool truncated = true;
  std::vector<int> ids = model.token_ids("the troops arrived", truncated);
  CHECK(ids.front() == *m.bos_id);
  CHECK(ids.back() == *m.eos_id);
  std::string long_sentence;
  for (int i = 0; i < 500; ++i) long_sentence += "word ";
  ids = model.token_ids(long_sentence, truncated);
  CHECK(truncated);
  CHECK(ids.size() == static_cast<size_t>(m.max_tokens));
  CHECK(ids.back() == *m.eos_id);
}

TEST_CASE("the loader names the file or field at fault") {
  std::string manifest = precis::testing::read_test_model_file("tiny-pooled", "manifest.json");
  std::string tokenizer = precis::testing::read_test_model_file("tiny-pooled", "tokenizer.model");
  Model model;
  SUBCASE("corrupt tokenizer bytes") {
    std::string corrupt = tokenizer;
    corrupt[corrupt.size() / 2] ^= 0x55;
    CHECK(model.load(manifest, corrupt, "").find("tokenizer.model: sha256 does not match") != std::string::npos);
  }
  SUBCASE("missing tokenizer") {
    CHECK(model.load(manifest, "", "").find("tokenizer.model: file is missing") != std::string::npos);
  }
  SUBCASE("not JSON") {
    CHECK(model.load("{nope", tokenizer, "").find("manifest.json: not valid JSON") != std::string::npos);
  }
  SUBCASE("wrong field type") {
    std::string error;
    CHECK_FALSE(parse_manifest(R"({"name": 3})", error));
    CHECK(error.find("\"name\" must be a string") != std::string::npos);
  }
  SUBCASE("unknown pooling") {
    std::string bad = manifest;
    bad.replace(bad.find("\"pooling\""), 9, "\"pooling\": \"max\", \"ignored\"");
    std::string error;
    CHECK_FALSE(parse_manifest(bad, error));
    CHECK(error.find("pooling") != std::string::npos);
  }
  SUBCASE("a file name that escapes the model folder") {
    std::string error;
    std::string bad = R"({"name":"x","tokenizer":{"file":"../t.model","sha256":")" + std::string(64, 'a') +
                      R"("},"encoder":{"file":"e.onnx","sha256":")" + std::string(64, 'a') +
                      R"(","output":"o","dimension":4}})";
    CHECK_FALSE(parse_manifest(bad, error));
    CHECK(error.find("plain file name") != std::string::npos);
  }
  SUBCASE("a tokenizer that is not a SentencePiece model") {
    std::string fake = "definitely not a protobuf";
    std::string patched = manifest;
    const std::string digest = sha256_hex(tokenizer);
    patched.replace(patched.find(digest), digest.size(), sha256_hex(fake));
    CHECK(model.load(patched, fake, "").find("not a SentencePiece model") != std::string::npos);
  }
}
