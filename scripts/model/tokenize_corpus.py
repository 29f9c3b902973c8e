"""Step 3 of scripts/train-model: the training text as SentencePiece pieces, for fastText.

Usage: tokenize_corpus.py TOKENIZER_MODEL WORK_DIR
Writes WORK_DIR/pieces.txt: fr.txt, then en.txt repeated EN_REPEAT times (English text is 50x
smaller than French; repeating it gives its pieces more skip-gram updates), one line per sentence,
and WORK_DIR/fr-piece-count.npy: how often each piece id occurs in fr.txt (for SIF weights).
"""
import os
import sys

import numpy as np
import sentencepiece as spm

EN_REPEAT = 4


def main():
    model, work = sys.argv[1:3]
    sp = spm.SentencePieceProcessor(model_file=model)
    piece = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    with open(os.path.join(work, "pieces.txt"), "w", encoding="utf-8") as out:
        for name, repeat in (("fr", 1), ("en", EN_REPEAT), ("other", 1)):
            with open(os.path.join(work, name + ".txt"), encoding="utf-8") as f:
                ids = sp.encode(f.read().splitlines())
            if name == "fr":
                counts = np.bincount(np.concatenate([np.asarray(x, np.int64) for x in ids]),
                                     minlength=len(piece))
                np.save(os.path.join(work, "fr-piece-count.npy"), counts)
            lines = [" ".join(piece[i] for i in x) for x in ids]
            for _ in range(repeat):
                out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
