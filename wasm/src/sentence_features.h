// Per-sentence features that the scorer weighs. (Not named features.h: that name is glibc's and
// would shadow <features.h> for every file compiled with -Iwasm/src.) Feature names are a stable
// contract: fitted weight files (scorer.json) refer to them by name, so rename only together with
// the weights.
//
// For sentence i of n (word counts are Document::words sizes, stopwords included):
//   position_inverse    1 / (1 + i): news puts the gist first
//   is_first            1 for the first sentence
//   position_relative   i / (n - 1), 0 when n == 1
//   paragraph_start     1 when the sentence opens a paragraph (Document::paragraph changes)
//   words_log           log(1 + words)
//   too_short           1 when words < 6 (captions, datelines, leftovers)
//   too_long            1 when words > 50 (run-on text, missed sentence breaks)
//   centroid_sim        TF-IDF cosine with the document centroid
//   centrality          LexRank-style centrality on the sparse TF-IDF graph, max 1 (centrality.h)
//   title_sim           TF-IDF cosine with the title, 0 when there is no title
//   has_quote           1 when the sentence holds a quotation mark (" “ ” « » „)
//   has_digits          1 when it holds a digit
//   is_question         1 when it ends with '?'
//   stopword_ratio      share of its words that are stopwords of Document::lang (0 when no words)
//   centroid_sim_sq     centroid_sim squared            (crosses: a little non-linearity for the
//   words_log_x_centroid  words_log * centroid_sim         linear scorer, fitted like the rest)
//   position_inverse_x_paragraphs, is_first_x_paragraphs, position_relative_x_paragraphs,
//   centroid_sim_x_paragraphs, title_sim_x_paragraphs, words_log_x_paragraphs
//                       the named feature times the document's paragraph density (share of its
//                       sentences that open a paragraph, 1 for the first): wire-style layouts put
//                       the gist elsewhere than one-block texts, so these let the weights differ
//   position_inverse_x_log_sentences, is_first_x_log_sentences, centroid_sim_x_log_sentences
//                       the named feature times log(n), the document's size
// With embeddings (rows L2-normalised, embeddings.h):
//   emb_centroid_sim    cosine with the mean sentence embedding
//   emb_centrality      centrality on the sparse embedding graph (centrality.h)
//   emb_title_sim       cosine with the title embedding, 0 when there is none
//   emb_centroid_sim_x_paragraphs, emb_title_sim_x_paragraphs   times the paragraph density
#pragma once
#include <string>
#include <vector>

#include "document.h"
#include "embeddings.h"
#include "lexical.h"

namespace precis {

struct FeatureTable {
  std::vector<std::string> names;          // one per column
  std::vector<std::vector<float>> rows;    // one row per sentence
};

// Every column name sentence_features() can produce, in column order: the lexical and position
// features, then the embedding features when `with_embeddings`.
std::vector<std::string> feature_names(bool with_embeddings);

// Lexical and position features always; embedding features too when `embeddings` is non-null
// and has one row per sentence (otherwise they are left out). Cost is linear in the text.
FeatureTable sentence_features(const Document& doc, const TfIdf& tfidf, const Embeddings* embeddings);

}  // namespace precis
