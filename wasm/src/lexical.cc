#include "lexical.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "utf8.h"

namespace precis {

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = decode_utf8(text, pos);
    if (is_cjk(cp)) {
      // Scripts without spaces: one character, one word (a unigram view that needs no dictionary).
      flush();
      append_utf8(current, cp);
      flush();
    } else if (is_word_char(cp)) {
      append_utf8(current, to_lower(cp));
    } else {
      flush();   // spaces, punctuation, apostrophes, hyphens, symbols
    }
  }
  flush();
  return words;
}

float cosine(const SparseVector& a, const SparseVector& b) {
  // Merge of two id-sorted lists: O(|a| + |b|).
  float dot = 0;
  auto i = a.entries.begin();
  auto j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) ++i;
    else if (j->first < i->first) ++j;
    else { dot += i->second * j->second; ++i; ++j; }
  }
  return dot;
}

namespace {

void normalise(SparseVector& v) {
  double norm = 0;
  for (const auto& e : v.entries) norm += double(e.second) * e.second;
  if (norm <= 0) { v.entries.clear(); return; }
  const float scale = float(1.0 / std::sqrt(norm));
  for (auto& e : v.entries) e.second *= scale;
}

// Term counts of one word list as (id, count) sorted by id, stopwords left out; ids come from
// `vocabulary`, which grows with new words.
std::vector<std::pair<uint32_t, float>> term_counts(const std::vector<std::string>& words,
                                                    std::string_view lang,
                                                    std::unordered_map<std::string, uint32_t>& vocabulary) {
  std::vector<std::pair<uint32_t, float>> counts;
  for (const std::string& w : words) {
    if (is_stopword(lang, w)) continue;
    auto it = vocabulary.find(w);
    if (it == vocabulary.end()) it = vocabulary.emplace(w, uint32_t(vocabulary.size())).first;
    counts.emplace_back(it->second, 1.0f);
  }
  std::sort(counts.begin(), counts.end());
  // Merge equal ids into counts.
  size_t out = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (out > 0 && counts[out - 1].first == counts[i].first) counts[out - 1].second += 1;
    else counts[out++] = counts[i];
  }
  counts.resize(out);
  return counts;
}

}  // namespace

TfIdf tfidf_vectors(const std::vector<std::vector<std::string>>& sentence_words,
                    const std::vector<std::string>& title_words, std::string_view lang) {
  TfIdf result;
  std::unordered_map<std::string, uint32_t> vocabulary;
  std::vector<std::vector<std::pair<uint32_t, float>>> counts;
  counts.reserve(sentence_words.size());
  for (const auto& words : sentence_words) counts.push_back(term_counts(words, lang, vocabulary));

  // Inverse sentence frequency within this document: a term in every sentence says nothing about
  // any one of them. Smoothed so that a term in all sentences still weighs a little.
  std::vector<uint32_t> df(vocabulary.size(), 0);
  for (const auto& c : counts)
    for (const auto& e : c) ++df[e.first];
  const double n = double(sentence_words.size());
  std::vector<float> isf(df.size());
  for (size_t t = 0; t < df.size(); ++t) isf[t] = float(std::log((1 + n) / (1 + df[t])) + 1);

  // Sublinear term frequency: a word repeated in one sentence should not dominate it.
  const auto weigh = [&](std::vector<std::pair<uint32_t, float>> c) {
    SparseVector v;
    v.entries = std::move(c);
    for (auto& e : v.entries) {
      // Title-only words (ids past the sentences' vocabulary) have the rarest possible weight.
      const float w = e.first < isf.size() ? isf[e.first] : float(std::log(1 + n) + 1);
      e.second = float(1 + std::log(e.second)) * w;
    }
    return v;
  };

  std::vector<double> centroid(vocabulary.size(), 0);
  result.sentences.reserve(counts.size());
  for (auto& c : counts) {
    SparseVector v = weigh(std::move(c));
    normalise(v);
    for (const auto& e : v.entries) centroid[e.first] += e.second;
    result.sentences.push_back(std::move(v));
  }
  for (uint32_t t = 0; t < centroid.size(); ++t)
    if (centroid[t] > 0) result.centroid.entries.emplace_back(t, float(centroid[t]));
  normalise(result.centroid);

  // Title words that no sentence uses still count in the title's norm, so a title that shares one
  // word out of ten is not mistaken for a close match.
  if (!title_words.empty()) {
    result.title = weigh(term_counts(title_words, lang, vocabulary));
    normalise(result.title);
  }
  return result;
}

}  // namespace precis
