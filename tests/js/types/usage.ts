// Compiled (not run) by tests/js/types.test.mjs: the declarations accept the documented usage and
// refuse misuse (each @ts-expect-error must be an error, or tsc fails).
import { createSummarizer, PrecisError, type ModelState, type Summary } from '../../../web/precis.js';
import { createWorkerSummarizer } from '../../../web/worker-client.js';

const s = await createSummarizer({
  model: null, threads: 'auto', onProgress: ({ phase, loaded, total }) => console.log(phase, loaded, total ?? 0),
});
const r: Summary = await s.summarize('text', { sentences: 3, lang: 'fr', signal: AbortSignal.timeout(10) });
r.summary.forEach((x) => 'text'.slice(...x.utf16));
const state: ModelState = s.model;
if (state.state === 'failed') console.log(state.error.length);
s.split('text', { lang: 'fr' }).sentences.map((x) => x.bytes[0]);
const w = await createWorkerSummarizer({ workerUrl: '/worker.js', model: '/models/m/' });
(await w.split('text')).sentences.map((x) => x.text);
try {
  await s.dispose();
} catch (e) {
  if (e instanceof PrecisError) console.log(e.code);
}

// @ts-expect-error unknown option
await s.summarize('text', { sentence: 3 });
// @ts-expect-error threads is 'auto' or a number
await createSummarizer({ threads: 'many' });
// @ts-expect-error split of the main-thread summarizer is synchronous
await s.split('text').then(() => 0);
