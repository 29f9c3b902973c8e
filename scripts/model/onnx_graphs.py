"""ONNX graphs for Précis sentence encoders, built by hand with onnx.helper (no torch).

Two shapes, matching the two kinds of encoder the loader accepts (models/README.md):
  pooled_encoder():      input_ids, attention_mask -> sentence_embedding [batch, dim]
                         (Gather -> masked mean -> remove common components -> L2 normalise)
  token_encoder():       input_ids, attention_mask[, token_type_ids] -> last_hidden_state
                         [batch, seq, dim] (Gather -> MatMul -> Tanh), pooled by the loader.
Opset 13: supported by python3-onnx 1.12 and onnxruntime 1.30 (web and node).
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13


def _const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def _int64_inputs(names):
    return [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"]) for n in names]


def _finish(nodes, inputs, outputs, inits, name, doc):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="precis-scripts", doc_string=doc)
    model.ir_version = 8  # onnx 1.12 writes IR 8 for opset 13; every ORT >= 1.10 reads it
    onnx.checker.check_model(model)
    return model


def pooled_encoder(table, scale=None, components=None, name="precis_pooled", doc=""):
    """Static-embedding sentence encoder.

    table:      [vocab, dim] float32, or int8 with `scale` [vocab] float32 (row = int8 * scale).
    components: [k, dim] float32 orthonormal rows projected out after pooling, or None.
    """
    table = np.asarray(table)
    dim = table.shape[1]
    inits = [_const("table", table), _const("axis1", np.array([1], np.int64)),
             _const("axis2", np.array([2], np.int64)), _const("one", np.array(1.0, np.float32)),
             _const("eps", np.array(1e-12, np.float32))]
    nodes = [helper.make_node("Gather", ["table", "input_ids"], ["rows"], axis=0)]
    if scale is not None:
        inits.append(_const("scale", np.asarray(scale, np.float32).reshape(-1, 1)))
        nodes += [helper.make_node("Cast", ["rows"], ["rows_f"], to=TensorProto.FLOAT),
                  helper.make_node("Gather", ["scale", "input_ids"], ["row_scale"], axis=0),
                  helper.make_node("Mul", ["rows_f", "row_scale"], ["emb"])]
    else:
        nodes.append(helper.make_node("Identity", ["rows"], ["emb"]))
    nodes += [
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["emb", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask3", "axis1"], ["count"], keepdims=0),
        helper.make_node("Max", ["count", "one"], ["count1"]),  # empty rows: avoid 0/0
        helper.make_node("Div", ["summed", "count1"], ["mean"]),
    ]
    last = "mean"
    if components is not None and len(components):
        comp = np.asarray(components, np.float32).reshape(-1, dim)
        inits += [_const("components", comp), _const("components_t", comp.T.copy())]
        nodes += [helper.make_node("MatMul", ["mean", "components_t"], ["coef"]),
                  helper.make_node("MatMul", ["coef", "components"], ["common"]),
                  helper.make_node("Sub", ["mean", "common"], ["centred"])]
        last = "centred"
    nodes += [
        helper.make_node("Mul", [last, last], ["sq"]),
        helper.make_node("ReduceSum", ["sq", "axis1"], ["sumsq"], keepdims=1),
        helper.make_node("Sqrt", ["sumsq"], ["norm"]),
        helper.make_node("Max", ["norm", "eps"], ["norm1"]),
        helper.make_node("Div", [last, "norm1"], ["sentence_embedding"]),
    ]
    outputs = [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", dim])]
    return _finish(nodes, _int64_inputs(["input_ids", "attention_mask"]), outputs, inits, name, doc)


def pooled_reference(table, scale, components, ids, mask):
    """numpy twin of pooled_encoder(), same operation order (float32)."""
    rows = np.asarray(table)[ids]
    emb = rows.astype(np.float32)
    if scale is not None:
        emb = emb * np.asarray(scale, np.float32).reshape(-1, 1)[ids]
    m3 = mask.astype(np.float32)[:, :, None]
    mean = (emb * m3).sum(axis=1) / np.maximum(m3.sum(axis=1), np.float32(1.0))
    if components is not None and len(components):
        comp = np.asarray(components, np.float32).reshape(-1, mean.shape[1])
        mean = mean - (mean @ comp.T) @ comp
    norm = np.maximum(np.sqrt((mean * mean).sum(axis=1, keepdims=True)), np.float32(1e-12))
    return (mean / norm).astype(np.float32)


def token_encoder(embed, weight, bias, type_embed=None, name="precis_token_encoder", doc=""):
    """Transformer-shaped toy: last_hidden_state = tanh((E[ids] (+ T[types])) W + mask * b).

    Like a real transformer, padded positions get non-zero vectors: the loader must apply the
    attention mask when it pools ("pooling": "mean").
    """
    embed = np.asarray(embed, np.float32)
    dim = np.asarray(weight).shape[1]
    inits = [_const("embed", embed), _const("weight", np.asarray(weight, np.float32)),
             _const("bias", np.asarray(bias, np.float32).reshape(1, 1, -1)),
             _const("axis2", np.array([2], np.int64))]
    names = ["input_ids", "attention_mask"]
    nodes = [helper.make_node("Gather", ["embed", "input_ids"], ["tok"], axis=0)]
    x = "tok"
    if type_embed is not None:
        names.append("token_type_ids")
        inits.append(_const("type_embed", np.asarray(type_embed, np.float32)))
        nodes += [helper.make_node("Gather", ["type_embed", "token_type_ids"], ["typ"], axis=0),
                  helper.make_node("Add", ["tok", "typ"], ["tok_typ"])]
        x = "tok_typ"
    nodes += [
        helper.make_node("MatMul", [x, "weight"], ["proj"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["mask3", "bias"], ["mask_bias"]),
        helper.make_node("Add", ["proj", "mask_bias"], ["pre"]),
        helper.make_node("Tanh", ["pre"], ["last_hidden_state"]),
    ]
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                             ["batch", "seq", dim])]
    return _finish(nodes, _int64_inputs(names), outputs, inits, name, doc)


def token_reference(embed, weight, bias, type_embed, ids, mask, types=None):
    """numpy twin of token_encoder()."""
    x = np.asarray(embed, np.float32)[ids]
    if type_embed is not None:
        x = x + np.asarray(type_embed, np.float32)[types if types is not None else np.zeros_like(ids)]
    pre = x @ np.asarray(weight, np.float32) + mask.astype(np.float32)[:, :, None] * np.asarray(bias, np.float32)
    return np.tanh(pre).astype(np.float32)
