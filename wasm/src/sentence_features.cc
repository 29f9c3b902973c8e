#include "sentence_features.h"

#include <cmath>
#include <string_view>

#include "centrality.h"
#include "utf8.h"

namespace precis {
namespace {

// Thresholds in words (stopwords included): below, a sentence is rarely a summary on its own
// (datelines, photo credits); above, it is usually several sentences the splitter could not break.
constexpr size_t kShortWords = 6;
constexpr size_t kLongWords = 50;

bool has_quote_mark(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = decode_utf8(text, pos);
    if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB || cp == 0x201E)
      return true;
  }
  return false;
}

bool has_digit(std::string_view text) {
  for (size_t pos = 0; pos < text.size();)
    if (is_digit(decode_utf8(text, pos))) return true;
  return false;
}

bool ends_with_question(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
  return !text.empty() && text.back() == '?';
}

float dot(const float* a, const float* b, size_t dim) {
  float sum = 0;
  for (size_t d = 0; d < dim; ++d) sum += a[d] * b[d];
  return sum;
}

}  // namespace

FeatureTable sentence_features(const Document& doc, const TfIdf& tfidf, const Embeddings* embeddings) {
  const size_t n = doc.sentences.size();
  FeatureTable table;
  table.names = {"position_inverse", "is_first",   "position_relative", "paragraph_start",
                 "words_log",        "too_short",  "too_long",          "centroid_sim",
                 "centrality",       "title_sim",  "has_quote",         "has_digits",
                 "is_question"};
  const bool use_embeddings = embeddings != nullptr && embeddings->dim > 0 && embeddings->count() == n;
  if (use_embeddings)
    for (const char* name : {"emb_centroid_sim", "emb_centrality", "emb_title_sim"}) table.names.push_back(name);

  const std::vector<float> centrality = graph_centrality(lexical_graph(tfidf.sentences));
  std::vector<float> emb_centrality, emb_centroid;
  bool emb_title = false;
  if (use_embeddings) {
    emb_centrality = graph_centrality(embedding_graph(*embeddings));
    const size_t dim = embeddings->dim;
    emb_centroid.assign(dim, 0);
    for (size_t i = 0; i < n; ++i)
      for (size_t d = 0; d < dim; ++d) emb_centroid[d] += embeddings->row(i)[d];
    double norm = 0;
    for (float v : emb_centroid) norm += double(v) * v;
    if (norm > 0)
      for (float& v : emb_centroid) v = float(v / std::sqrt(norm));
    emb_title = embeddings->title.size() == dim;
  }

  const bool has_title = !doc.title_words.empty();
  const SparseVector kNoTerms;   // for a sentence the TF-IDF table lacks (a caller's mismatch)
  table.rows.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view text = std::string_view(doc.clean.text).substr(doc.sentences[i].begin, doc.sentences[i].size());
    const size_t words = i < doc.words.size() ? doc.words[i].size() : 0;
    const bool opens = i == 0 || (i < doc.paragraph.size() && doc.paragraph[i] != doc.paragraph[i - 1]);
    const SparseVector& vec = i < tfidf.sentences.size() ? tfidf.sentences[i] : kNoTerms;
    std::vector<float> row = {
        float(1.0 / (1 + i)),
        i == 0 ? 1.f : 0.f,
        n > 1 ? float(i) / float(n - 1) : 0.f,
        opens ? 1.f : 0.f,
        float(std::log1p(double(words))),
        words < kShortWords ? 1.f : 0.f,
        words > kLongWords ? 1.f : 0.f,
        cosine(vec, tfidf.centroid),
        i < centrality.size() ? centrality[i] : 0.f,
        has_title ? cosine(vec, tfidf.title) : 0.f,
        has_quote_mark(text) ? 1.f : 0.f,
        has_digit(text) ? 1.f : 0.f,
        ends_with_question(text) ? 1.f : 0.f,
    };
    if (use_embeddings) {
      const float* e = embeddings->row(i);
      row.push_back(dot(e, emb_centroid.data(), embeddings->dim));
      row.push_back(emb_centrality[i]);
      row.push_back(emb_title ? dot(e, embeddings->title.data(), embeddings->dim) : 0.f);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace precis
