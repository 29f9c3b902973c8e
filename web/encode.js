// Runs the model's encoder over a prepared job's batches (phase 2 of a summary with a model):
// the core tokenized the sentences; here onnxruntime-web turns each batch into embeddings and
// hands them back. Used by precis.js; the tests drive it the same way to compare with native.

/**
 * Feeds every batch of `job` through `encoder` (host-onnx.js). Stops at the first failure, which
 * becomes a warning: the core's finish() then scores lexically.
 * @param job the core's Job (prepare())
 * @param encoder from host-onnx.js createEncoder
 * @param {object} model the validated manifest (the core's modelJson())
 * @param {AbortSignal} [signal] checked before and after each batch
 * @returns {Promise<string[]>} warnings
 */
export async function encodeJob(job, encoder, model, signal) {
  const count = job.batchCount();
  for (let i = 0; i < count; i++) {
    signal?.throwIfAborted();
    const [rows, cols] = job.batchShape(i);
    let output;
    try {
      output = await encoder.run(feeds(job, i, rows, cols, model.encoder.inputs), model.encoder.output);
    } catch (e) {
      return [`The model failed (${e.message}); lexical scoring only.`];
    }
    signal?.throwIfAborted();
    const error = job.setOutput(i, output.data, output.dims);
    if (error) return [`The model's output was refused (${error}); lexical scoring only.`];
  }
  return [];
}

/** Whether the session has the inputs and the output the manifest names: "" or what is wrong. */
export function checkEncoderNames(manifestEncoder, session) {
  const inputs = Object.values(manifestEncoder.inputs).filter(Boolean);
  const missing = inputs.filter((name) => !session.inputNames.includes(name));
  if (missing.length) return `the graph has no input ${missing.join(', ')} (it has ${session.inputNames.join(', ')})`;
  const extra = session.inputNames.filter((name) => !inputs.includes(name));
  if (extra.length) return `the graph wants inputs the manifest does not name: ${extra.join(', ')}`;
  if (!session.outputNames.includes(manifestEncoder.output)) {
    return `the graph has no output "${manifestEncoder.output}" (it has ${session.outputNames.join(', ')})`;
  }
  return '';
}

/** Batch `i`'s inputs under the manifest's names; ORT wants int64, the core gives int32. */
function feeds(job, i, rows, cols, names) {
  const dims = [rows, cols];
  const out = {
    [names.input_ids]: { data: toInt64(job.inputIds(i)), dims },
    [names.attention_mask]: { data: toInt64(job.attentionMask(i)), dims },
  };
  if (names.token_type_ids) out[names.token_type_ids] = { data: new BigInt64Array(rows * cols), dims };
  return out;
}

function toInt64(ints) {
  const out = new BigInt64Array(ints.length);
  for (let i = 0; i < ints.length; i++) out[i] = BigInt(ints[i]);
  return out;
}
