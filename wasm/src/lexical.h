// Words and TF-IDF: the lexical view of a document.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace precis {

// Lowercased word runs (letters, digits, joiners; apostrophes and hyphens split words). Each CJK
// character is a word of its own, since those scripts put no spaces between words.
std::vector<std::string> word_tokens(std::string_view text);

// True for function words of `lang` ("le", "the", "und", ...). Unknown languages have none.
bool is_stopword(std::string_view lang, std::string_view word);

// A sparse, L2-normalised vector: (term id, weight) sorted by term id.
struct SparseVector {
  std::vector<std::pair<uint32_t, float>> entries;
};
float cosine(const SparseVector& a, const SparseVector& b);   // dot product of normalised vectors

// TF-IDF vectors of the sentences (and of the title, last, when `title` is non-empty), with
// inverse sentence frequency computed within the document; stopwords are left out.
struct TfIdf {
  std::vector<SparseVector> sentences;
  SparseVector title;
  SparseVector centroid;   // the normalised sum of the sentence vectors
};
TfIdf tfidf_vectors(const std::vector<std::vector<std::string>>& sentence_words,
                    const std::vector<std::string>& title_words, std::string_view lang);

}  // namespace precis
