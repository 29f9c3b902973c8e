#include "select.h"

#include <algorithm>
#include <cmath>

namespace precis {
namespace {

// How many sentences a count- or ratio-based length asks for; 0 means "a word budget decides".
size_t sentence_target(const Length& length, size_t n) {
  if (length.sentences > 0) return std::min(n, size_t(length.sentences));
  if (length.ratio > 0) {
    const double wanted = std::round(std::min(length.ratio, 1.0) * double(n));
    return std::clamp(size_t(wanted), size_t(1), n);
  }
  if (length.words > 0) return 0;
  return std::min(n, size_t(kDefaultSentences));
}

}  // namespace

std::vector<size_t> select_sentences(const Document& doc, const std::vector<float>& scores,
                                     const TfIdf& tfidf, const Embeddings* embeddings,
                                     const Length& length, double redundancy) {
  const size_t n = std::min(doc.sentences.size(), scores.size());
  if (n == 0) return {};
  const double lambda = std::clamp(redundancy, 0.0, 1.0);
  const bool dense = embeddings != nullptr && embeddings->dim > 0 && embeddings->count() >= n;
  const bool sparse = tfidf.sentences.size() >= n;
  const auto similarity = [&](size_t a, size_t b) -> float {
    if (dense) {
      float sum = 0;
      for (size_t d = 0; d < embeddings->dim; ++d) sum += embeddings->row(a)[d] * embeddings->row(b)[d];
      return sum;
    }
    return sparse ? cosine(tfidf.sentences[a], tfidf.sentences[b]) : 0.f;
  };

  // Scores live on the scorer's own scale; MMR mixes them with cosines in [0, 1], so rescale them
  // to [0, 1] first (min-max) for the trade-off to mean the same in every document.
  const auto [lo, hi] = std::minmax_element(scores.begin(), scores.begin() + n);
  const float range = *hi - *lo;
  std::vector<float> relevance(n);
  for (size_t i = 0; i < n; ++i) relevance[i] = range > 0 ? (scores[i] - *lo) / range : 0.f;

  const size_t target = sentence_target(length, n);
  const bool by_words = target == 0;
  const auto words_of = [&](size_t i) { return i < doc.words.size() ? doc.words[i].size() : 0; };
  size_t budget = by_words ? size_t(length.words) : 0;

  std::vector<bool> taken(n, false);
  std::vector<float> max_similarity(n, 0.f);   // to the sentences taken so far
  std::vector<size_t> chosen;
  while (by_words || chosen.size() < target) {
    size_t best = n;
    double best_value = 0;
    for (size_t i = 0; i < n; ++i) {
      if (taken[i] || (by_words && words_of(i) > budget)) continue;
      const double value = (1 - lambda) * relevance[i] - lambda * max_similarity[i];
      if (best == n || value > best_value) { best = i; best_value = value; }
    }
    if (best == n) break;   // nothing left, or nothing left that fits the word budget
    taken[best] = true;
    chosen.push_back(best);
    if (by_words) budget -= words_of(best);
    // O(n) per pick: only the newest sentence can raise a candidate's redundancy.
    for (size_t i = 0; i < n; ++i)
      if (!taken[i]) max_similarity[i] = std::max(max_similarity[i], similarity(i, best));
  }
  // A word budget smaller than every sentence still yields the most relevant sentence.
  if (chosen.empty()) chosen.push_back(size_t(std::max_element(relevance.begin(), relevance.end()) - relevance.begin()));
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace precis
