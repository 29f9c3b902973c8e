#include "select.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "coherence.h"

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
                                     const Length& length, double redundancy, double dangling_penalty,
                                     size_t* similarity_evaluations) {
  if (similarity_evaluations != nullptr) *similarity_evaluations = 0;
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

  std::vector<bool> anaphoric(n, false);
  if (dangling_penalty > 0)
    for (size_t i = 1; i < n && i < doc.words.size(); ++i) anaphoric[i] = opens_with_anaphor(doc.lang, doc.words[i]);

  // Lazy greedy MMR. A candidate's MMR value can only fall as sentences are taken (its maximum
  // similarity to them only grows), so a value computed earlier is an upper bound. Candidates
  // wait in a max-heap under their last value; the top one is brought up to date (compared
  // with the sentences taken since) and pushed back, until the top one is current: it is then
  // the best, exactly as a full scan would find (ties go to the earlier sentence). Worst case
  // O(n * k) similarities like the plain scan, usually far fewer. The one value that can rise is
  // a dangling opener's, when the sentence before it is taken: it is then pushed again under its
  // penalty-free bound (an index may wait in the heap twice; the taken flag skips the stale copy).
  struct Candidate {
    double value;
    size_t index;
    size_t seen;   // how many chosen sentences `value` accounts for
  };
  const auto lower = [](const Candidate& a, const Candidate& b) {
    return a.value < b.value || (a.value == b.value && a.index > b.index);
  };
  std::vector<bool> taken(n, false);
  const auto penalty = [&](size_t i) { return anaphoric[i] && !taken[i - 1] ? dangling_penalty : 0.0; };
  std::priority_queue<Candidate, std::vector<Candidate>, decltype(lower)> heap(lower);
  for (size_t i = 0; i < n; ++i) heap.push({(1 - lambda) * relevance[i] - penalty(i), i, 0});
  std::vector<float> max_similarity(n, 0.f);   // to the sentences taken so far
  std::vector<size_t> chosen;
  size_t evaluations = 0;
  while (!heap.empty() && (by_words || chosen.size() < target)) {
    Candidate c = heap.top();
    heap.pop();
    if (taken[c.index]) continue;
    if (by_words && words_of(c.index) > budget) continue;   // the budget only shrinks: never fits
    if (c.seen < chosen.size() && (lambda > 0 || anaphoric[c.index])) {
      for (size_t p = c.seen; lambda > 0 && p < chosen.size(); ++p) {
        ++evaluations;
        max_similarity[c.index] = std::max(max_similarity[c.index], similarity(c.index, chosen[p]));
      }
      c.seen = chosen.size();
      c.value = (1 - lambda) * relevance[c.index] - lambda * max_similarity[c.index] - penalty(c.index);
      heap.push(c);
      continue;
    }
    chosen.push_back(c.index);
    taken[c.index] = true;
    if (by_words) budget -= words_of(c.index);
    const size_t next = c.index + 1;
    if (next < n && anaphoric[next] && !taken[next]) heap.push({(1 - lambda) * relevance[next], next, 0});
  }
  if (similarity_evaluations != nullptr) *similarity_evaluations = evaluations;
  // A word budget smaller than every sentence still yields the most relevant sentence.
  if (chosen.empty()) chosen.push_back(size_t(std::max_element(relevance.begin(), relevance.end()) - relevance.begin()));
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

size_t count_dangling_openers(const Document& doc, const std::vector<size_t>& chosen) {
  size_t count = 0;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const size_t i = chosen[k];
    const bool predecessor_chosen = k > 0 && chosen[k - 1] + 1 == i;
    if (i > 0 && !predecessor_chosen && i < doc.words.size() && opens_with_anaphor(doc.lang, doc.words[i])) ++count;
  }
  return count;
}

}  // namespace precis
