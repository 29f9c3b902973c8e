#include "result.h"

#include <cmath>

#include "json_fields.h"

namespace precis {
namespace {

Json span_json(Span span) { return Json::array({span.begin, span.end}); }

Json sentence_json(const SentenceResult& s) {
  // Four decimals are plenty to rank by and keep the JSON readable.
  double score = std::round(double(s.score) * 1e4) / 1e4;
  return {{"index", s.index}, {"text", s.text}, {"bytes", span_json(s.bytes)},
          {"utf16", span_json(s.utf16)}, {"score", std::isfinite(score) ? score : 0.0}};
}

}  // namespace

Result error_result(std::string message) {
  Result result;
  result.error = std::move(message);
  return result;
}

std::string result_to_json(const Result& r) {
  if (!r.error.empty()) return dump_json({{"error", r.error}});
  Json summary = Json::array(), removed = Json::array();
  for (const auto& s : r.summary) summary.push_back(sentence_json(s));
  for (const auto& x : r.removed)
    removed.push_back({{"text", x.text}, {"reason", x.reason}, {"bytes", span_json(x.bytes)},
                       {"utf16", span_json(x.utf16)}});
  Json out = {
      {"lang", r.lang},
      {"lang_detected", {{"code", r.detected.code},
                         {"confidence", std::round(r.detected.confidence * 1e3) / 1e3},
                         {"reliable", r.detected.reliable}}},
      {"scorer", r.scorer},
      {"summary", summary},
      {"removed", removed},
      {"stats", {{"sentences", r.stats.sentences}, {"words", r.stats.words},
                 {"summary_words", r.stats.summary_words}, {"invalid_bytes", r.stats.invalid_bytes},
                 {"truncated_sentences", r.stats.truncated_sentences},
                 {"dangling_openers", r.stats.dangling_openers}}},
      {"warnings", r.warnings}};
  if (!r.sentences.empty()) {
    Json all = Json::array();
    for (const auto& s : r.sentences) all.push_back(sentence_json(s));
    out["sentences"] = all;
  }
  return dump_json(out);
}

}  // namespace precis
