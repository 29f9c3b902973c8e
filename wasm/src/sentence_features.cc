#include "sentence_features.h"

#include <cmath>
#include <iterator>
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

// Share of function words: high in chatty or narrative sentences ("he said that it was..."), low
// in dense factual ones, which summaries favour.
float stopword_ratio(std::string_view lang, const std::vector<std::string>& words) {
  if (words.empty()) return 0.f;
  size_t stop = 0;
  for (const auto& w : words) stop += is_stopword(lang, w) ? 1 : 0;
  return float(stop) / float(words.size());
}

float dot(const float* a, const float* b, size_t dim) {
  float sum = 0;
  for (size_t d = 0; d < dim; ++d) sum += a[d] * b[d];
  return sum;
}

// Column names in row order: the rows built below follow these lists, and feature_names() gives
// them to readers of scorer.json, so both come from here.
constexpr const char* kLexicalFeatures[] = {
    "position_inverse", "is_first",   "position_relative", "paragraph_start",
    "words_log",        "too_short",  "too_long",          "centroid_sim",
    "centrality",       "title_sim",  "has_quote",         "has_digits",
    "is_question",      "stopword_ratio", "centroid_sim_sq",   "words_log_x_centroid",
    "position_inverse_x_paragraphs", "is_first_x_paragraphs", "position_relative_x_paragraphs",
    "centroid_sim_x_paragraphs", "title_sim_x_paragraphs", "words_log_x_paragraphs",
    "position_inverse_x_log_sentences", "is_first_x_log_sentences",
    "centroid_sim_x_log_sentences"};
constexpr const char* kEmbeddingFeatures[] = {"emb_centroid_sim", "emb_centrality", "emb_title_sim",
                                              "emb_centroid_sim_x_paragraphs", "emb_title_sim_x_paragraphs"};

}  // namespace

std::vector<std::string> feature_names(bool with_embeddings) {
  std::vector<std::string> names(std::begin(kLexicalFeatures), std::end(kLexicalFeatures));
  if (with_embeddings) names.insert(names.end(), std::begin(kEmbeddingFeatures), std::end(kEmbeddingFeatures));
  return names;
}

FeatureTable sentence_features(const Document& doc, const TfIdf& tfidf, const Embeddings* embeddings) {
  const size_t n = doc.sentences.size();
  FeatureTable table;
  const bool use_embeddings = embeddings != nullptr && embeddings->dim > 0 && embeddings->count() == n;
  table.names = feature_names(use_embeddings);

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

  // Share of sentences that open a paragraph: wire-style articles (a paragraph per sentence or
  // two) spread their gist differently from one-block texts. A document-level value weighs
  // nothing alone (every sentence shares it), so it enters as crosses with the position and
  // centrality features, letting their weights differ with the layout.
  const auto opens_paragraph = [&](size_t i) {
    return i == 0 || (i < doc.paragraph.size() && doc.paragraph[i] != doc.paragraph[i - 1]);
  };
  size_t openings = 0;
  for (size_t i = 0; i < n; ++i) openings += opens_paragraph(i) ? 1 : 0;
  const float paragraphs = n > 0 ? float(openings) / float(n) : 0.f;

  // Document size, crossed the same way: the longer the article, the more the lead stands out.
  const float log_sentences = float(std::log(double(n > 0 ? n : 1)));

  const bool has_title = !doc.title_words.empty();
  const std::vector<std::string> kNoWords;
  const SparseVector kNoTerms;   // for a sentence the TF-IDF table lacks (a caller's mismatch)
  table.rows.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view text = std::string_view(doc.clean.text).substr(doc.sentences[i].begin, doc.sentences[i].size());
    const size_t words = i < doc.words.size() ? doc.words[i].size() : 0;
    const SparseVector& vec = i < tfidf.sentences.size() ? tfidf.sentences[i] : kNoTerms;
    const float words_log = float(std::log1p(double(words)));
    const float centroid = cosine(vec, tfidf.centroid);
    const float title = has_title ? cosine(vec, tfidf.title) : 0.f;
    const float position_inverse = float(1.0 / (1 + i));
    const float position_relative = n > 1 ? float(i) / float(n - 1) : 0.f;
    std::vector<float> row = {
        position_inverse,
        i == 0 ? 1.f : 0.f,
        position_relative,
        opens_paragraph(i) ? 1.f : 0.f,
        words_log,
        words < kShortWords ? 1.f : 0.f,
        words > kLongWords ? 1.f : 0.f,
        centroid,
        i < centrality.size() ? centrality[i] : 0.f,
        title,
        has_quote_mark(text) ? 1.f : 0.f,
        has_digit(text) ? 1.f : 0.f,
        ends_with_question(text) ? 1.f : 0.f,
        stopword_ratio(doc.lang, i < doc.words.size() ? doc.words[i] : kNoWords),
        // Crosses that let the linear scorer bend: the step from "on topic" to "the gist" is
        // steeper than linear in centroid similarity, and more so for long sentences.
        centroid * centroid,
        words_log * centroid,
        position_inverse * paragraphs,
        i == 0 ? paragraphs : 0.f,
        position_relative * paragraphs,
        centroid * paragraphs,
        title * paragraphs,
        words_log * paragraphs,
        position_inverse * log_sentences,
        i == 0 ? log_sentences : 0.f,
        centroid * log_sentences,
    };
    if (use_embeddings) {
      const float* e = embeddings->row(i);
      const float centroid_sim = dot(e, emb_centroid.data(), embeddings->dim);
      const float title_sim = emb_title ? dot(e, embeddings->title.data(), embeddings->dim) : 0.f;
      row.push_back(centroid_sim);
      row.push_back(emb_centrality[i]);
      row.push_back(title_sim);
      row.push_back(centroid_sim * paragraphs);
      row.push_back(title_sim * paragraphs);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace precis
