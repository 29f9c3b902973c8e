"""The residual scoring network of scorer.json's "network" block (format: models/README.md).

The linear scorer weighs position, lexical and embedding-similarity features, fitted on oracle
labels. Two things it cannot do: use *what a sentence says* (the embedding itself), and learn what
makes a good *pair* of sentences for a short abstract (a summary's ROUGE depends on its length and
on how its sentences combine, which per-sentence oracle labels do not express). This network reads,
per sentence, the features, the features centred on the document's mean, and the sentence
embedding centred on the document's mean embedding, and adds a correction to the (fixed) linear
score. It is trained to maximise the expected ROUGE of 2-sentence summaries: for each training
document, the pairs of its top candidate sentences get a softmax distribution from the sum of
their two scores, and the loss is minus the expected mean ROUGE-1/2/L F1 of the pair against the
journalist's abstract (a smooth stand-in for "pick the best pair").

Embedding coordinates mean different things in each language's part of the vocabulary, so the
network is fitted per language where there is enough training data (OrangeSum: French) and the
scorer applies it only to those languages ("languages" in the block).

`network_scores` mirrors the C++ scorer (wasm/src/scorer.cc) so that selection can be replayed in
Python; torch is only needed for training.
"""
import copy
import itertools
import random
import sys

import numpy as np

CENTRED_EMBEDDING = "centred_embedding"


def network_input_names(feature_names):
    return list(feature_names) + ["centred:" + n for n in feature_names] + [CENTRED_EMBEDDING]


def input_matrix(rows, embeddings):
    """Raw network inputs, one row per sentence, in network_input_names order."""
    rows = np.asarray(rows, dtype=np.float32)
    embeddings = np.asarray(embeddings, dtype=np.float32)
    return np.hstack([rows, rows - rows.mean(axis=0), embeddings - embeddings.mean(axis=0)])


def network_scores(network, raw_inputs):
    """The network's additive correction for each row of `raw_inputs` (as scorer.cc computes it)."""
    x = (raw_inputs - np.array(network["input_mean"])) / np.array(network["input_scale"])
    hidden = network["hidden"]
    pre = x @ np.array(hidden["weights"]).T + np.array(hidden["bias"])
    activated = np.tanh(pre) if hidden["activation"] == "tanh" else np.maximum(pre, 0)
    return activated @ np.array(network["output"]["weights"]) + network["output"]["bias"] + x @ np.array(network["skip"])


def candidate_pairs(count):
    """Index pairs (i < j) over `count` candidates, in itertools.combinations order."""
    return list(itertools.combinations(range(count), 2))


def train_network(train_docs, feature_names, languages, evaluate, hidden=32, epochs=4,
                  weight_decay=1e-3, seed=559):
    """Fits the network; returns (scorer.json "network" block, held-out value of the chosen epoch).

    Docs are dicts with "inputs" (input_matrix), "base" (linear scores), "candidates" (indices of
    the sentences pairs are drawn from) and "pair_utility" (one ROUGE value per candidate_pairs
    pair). `evaluate(network)` replays selection on held-out documents and returns a value to
    maximise: the epoch with the best value is kept (early stopping).
    """
    import torch  # training only (scripts/setup --train)

    torch.manual_seed(seed)
    rng = random.Random(seed)
    stacked = np.vstack([d["inputs"] for d in train_docs])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1
    dim = stacked.shape[1]

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.skip = torch.nn.Linear(dim, 1)
            self.hidden = torch.nn.Linear(dim, hidden)
            self.output = torch.nn.Linear(hidden, 1, bias=False)

        def forward(self, x):
            return (self.skip(x) + self.output(torch.tanh(self.hidden(x)))).squeeze(-1)

    examples = []
    for d in train_docs:
        if len(d["candidates"]) < 2:
            continue
        pairs = np.array(candidate_pairs(len(d["candidates"])))
        examples.append((torch.tensor((d["inputs"][d["candidates"]] - mean) / scale),
                         torch.tensor(np.asarray(d["base"], np.float32)[d["candidates"]]),
                         torch.tensor(pairs[:, 0]), torch.tensor(pairs[:, 1]),
                         torch.tensor(np.asarray(d["pair_utility"], np.float32))))
    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=weight_decay)

    def export():
        state = {k: v.detach().numpy().astype(np.float64) for k, v in net.state_dict().items()}
        return {
            "languages": list(languages),
            "inputs": network_input_names(feature_names),
            "input_mean": mean.astype(np.float64).tolist(),
            "input_scale": scale.astype(np.float64).tolist(),
            "hidden": {"weights": state["hidden.weight"].tolist(), "bias": state["hidden.bias"].tolist(),
                       "activation": "tanh"},
            "output": {"weights": state["output.weight"][0].tolist(), "bias": float(state["skip.bias"][0])},
            "skip": state["skip.weight"][0].tolist(),
        }

    best = None
    batch = 32
    for epoch in range(epochs):
        rng.shuffle(examples)
        total = 0.0
        for start in range(0, len(examples), batch):
            loss = 0
            for x, base, first, second, utility in examples[start:start + batch]:
                scores = net(x) + base
                loss = loss - (torch.softmax(scores[first] + scores[second], dim=0) * utility).sum()
            loss = loss / batch
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total -= loss.item() * batch
        network = export()
        value = evaluate(network)
        print("network epoch %d: expected pair ROUGE %.4f, held-out %.4f" % (
            epoch + 1, total / len(examples), value), file=sys.stderr, flush=True)
        if best is None or value > best[1]:
            best = (copy.deepcopy(network), value)
    return best
