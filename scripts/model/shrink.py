"""A small model derived from a trained pooled model (scripts/train-model's output): the pieces
French text uses, the directions its piece vectors use, int8 as before.

1. Pieces: the base tokenizer tokenizes the first --docs OrangeSum train documents (titles + texts); the PIECES most
   frequent pieces are kept, plus every single-character piece (so that any text the base model
   could spell is still spelled, in shorter pieces) and the special pieces. The tokenizer keeps
   its normalisation and the kept pieces' scores: a word whose piece was dropped is segmented
   into the kept pieces SentencePiece's Viterbi search prefers.
2. Dimension: the kept rows (dequantised) are projected on DIM principal directions: by default
   those of French training sentences' embeddings (unit-length mean piece vectors of every 7th
   sentence: what the cosines compare), or with --basis pieces those of the rows themselves,
   each weighing its piece's count. The base model's common components are carried into the new
   space and re-orthonormalised.
3. int8 with one scale per row, the same graph as the base (onnx_graphs.pooled_encoder).

Usage: shrink.py BASE_DIR OUT_DIR --pieces N --dim D --name NAME [--basis sentences|pieces] [--data DIR] [--docs N]
Prints the kept share of the text's tokens (pieces that now split) and the files' sizes.
"""
import argparse
import gzip
import json
import os
import re
import sys

import numpy as np
import onnx
import sentencepiece as spm
from onnx import numpy_helper
from sentencepiece import sentencepiece_model_pb2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_encoder import quantize  # noqa: E402
from manifest import encoder_section, tokenizer_section, write_manifest  # noqa: E402
from onnx_graphs import pooled_encoder  # noqa: E402


def french_texts(data, docs):
    with gzip.open(os.path.join(data, "orangesum-train.jsonl.gz"), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= docs:
                break
            d = json.loads(line)
            yield d.get("title", "")
            yield d["text"]


def sentence_embeddings(sp, table, texts, stride=7):
    """Unit-length mean piece vectors of every `stride`-th line-level sentence of the texts."""
    lines = [l for t in texts for l in re.split(r"(?<=[.!?])\s+|\n+", t) if len(l) > 20][::stride]
    out = []
    for ids in sp.encode(lines):
        if ids:
            v = table[ids[:128]].mean(axis=0)
            out.append(v / max(np.linalg.norm(v), 1e-12))
    return np.asarray(out, np.float32)


def piece_counts(sp, texts):
    counts = np.zeros(sp.get_piece_size(), np.int64)
    for ids in sp.encode(list(texts)):
        np.add.at(counts, ids, 1)
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--pieces", type=int, required=True)
    ap.add_argument("--dim", type=int, required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--data", default=os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data")))
    ap.add_argument("--basis", choices=("sentences", "pieces"), default="sentences",
                    help="principal directions of training sentences' embeddings, or of piece vectors weighted by count")
    ap.add_argument("--docs", type=int, default=10000, help="orangesum-train docs counted (from the first)")
    args = ap.parse_args()

    with open(os.path.join(args.base_dir, "manifest.json"), encoding="utf-8") as f:
        base = json.load(f)
    tok_path = os.path.join(args.base_dir, base["tokenizer"]["file"])
    sp = spm.SentencePieceProcessor(model_file=tok_path)
    graph = onnx.load(os.path.join(args.base_dir, base["encoder"]["file"])).graph
    inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    table = inits["table"].astype(np.float32) * inits["scale"].reshape(-1, 1)
    comps = inits.get("components")

    counts = piece_counts(sp, french_texts(args.data, args.docs))
    proto = sentencepiece_model_pb2.ModelProto()
    with open(tok_path, "rb") as f:
        proto.ParseFromString(f.read())
    NORMAL = sentencepiece_model_pb2.ModelProto.SentencePiece.NORMAL
    special = {i for i, p in enumerate(proto.pieces) if p.type != NORMAL}
    single = {i for i, p in enumerate(proto.pieces) if len(p.piece.replace("\u2581", "")) <= 1}
    ranked = [i for i in np.argsort(-counts, kind="stable") if counts[i] > 0 and i not in special | single]
    keep = sorted(special | single | set(ranked[:args.pieces]))
    print(json.dumps({"base_pieces": len(proto.pieces), "kept": len(keep), "special+single": len(special | single),
                      "token_share_kept": float(counts[keep].sum() / counts.sum())}))

    pieces = [proto.pieces[i] for i in keep]
    del proto.pieces[:]
    proto.pieces.extend(pieces)
    proto.trainer_spec.vocab_size = len(pieces)
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "tokenizer.model"), "wb") as f:
        f.write(proto.SerializeToString())

    rows = table[keep]
    if args.basis == "pieces":
        weights = counts[keep].astype(np.float64)
        weights /= weights.sum()
        mean = (rows * weights[:, None]).sum(axis=0)
        x = (rows - mean) * np.sqrt(weights)[:, None]
    else:   # the sentences' own directions: what the cosines compare
        x = sentence_embeddings(sp, table, french_texts(args.data, args.docs))
    if len(x) < args.dim:
        sys.exit(f"shrink.py: {len(x)} {args.basis} to find {args.dim} directions in: give more --docs or a smaller --dim")
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    basis = vt[:args.dim].T.astype(np.float32)                # [base dim, dim]
    small = rows @ basis   # not centred: a sentence is a mean of rows, its offset matters
    q, scale = quantize(small)
    new_comps = None
    if comps is not None and len(comps):
        qr, _ = np.linalg.qr((comps @ basis).T)
        new_comps = qr.T.astype(np.float32)
    model = pooled_encoder(q, scale, new_comps, name=args.name.replace("-", "_"),
                           doc=f"Précis {args.name} sentence encoder; see MODEL_CARD.md")
    onnx.save(model, os.path.join(args.out_dir, "encoder.onnx"))

    manifest = {
        "name": args.name, "version": "1.0.0", "languages": ["fr"], "license": base["license"],
        "description": f"{base['name']} reduced to {len(keep)} pieces and {args.dim} dimensions "
                       f"(scripts/model/shrink.py --pieces {args.pieces} --dim {args.dim}).",
        "tokenizer": tokenizer_section(), "encoder": encoder_section(args.dim, max_tokens=base["encoder"]["max_tokens"]),
    }
    old_path = os.path.join(args.out_dir, "manifest.json")
    if os.path.exists(old_path):   # keep a scorer fitted by scripts/fit-scorer, as build_encoder does
        with open(old_path, encoding="utf-8") as f:
            scorer = json.load(f).get("scorer")
        if scorer and os.path.exists(os.path.join(args.out_dir, scorer["file"])):
            manifest["scorer"] = scorer
    write_manifest(args.out_dir, manifest)
    sizes = {}
    for name in sorted(os.listdir(args.out_dir)):
        with open(os.path.join(args.out_dir, name), "rb") as f:
            data = f.read()
        sizes[name] = [len(data), len(gzip.compress(data, 9))]
    print(json.dumps({"sizes": sizes, "gzip_total": sum(v[1] for k, v in sizes.items() if k != "MODEL_CARD.md")}))


if __name__ == "__main__":
    main()
