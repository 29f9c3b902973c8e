"""Writes a model folder's manifest.json (format: models/README.md) with the files' SHA-256."""
import hashlib
import json
import os


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tokenizer_section(file="tokenizer.model", id_offset=0, unk_id=None, bos_id=None, eos_id=None,
                      pad_id=0, lowercase=False):
    return {"file": file, "sha256": None, "id_offset": id_offset, "unk_id": unk_id,
            "bos_id": bos_id, "eos_id": eos_id, "pad_id": pad_id, "lowercase": lowercase}


def encoder_section(dimension, file="encoder.onnx", output="sentence_embedding", pooling="none",
                    token_type_ids=None, normalize=True, max_tokens=128, prefix=""):
    return {"file": file, "sha256": None,
            "inputs": {"input_ids": "input_ids", "attention_mask": "attention_mask",
                       "token_type_ids": token_type_ids},
            "output": output, "pooling": pooling, "normalize": normalize,
            "max_tokens": max_tokens, "dimension": dimension, "prefix": prefix}


def write_manifest(model_dir, manifest):
    """Fills every section's sha256 from the file it names, then writes manifest.json."""
    for key in ("tokenizer", "encoder", "scorer"):
        section = manifest.get(key)
        if section and section.get("file"):
            section["sha256"] = sha256_of(os.path.join(model_dir, section["file"]))
    with open(os.path.join(model_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return manifest
