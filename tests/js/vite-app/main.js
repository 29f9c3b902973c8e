// An app that uses the package the way a bundled site would: by its name, both entry points.
// ?worker runs the summarizer in the worker; ?model=URL loads a model folder.
import { createSummarizer } from 'precis-summarizer';
import { createWorkerSummarizer } from 'precis-summarizer/worker-client';

const params = new URLSearchParams(location.search);
const out = document.querySelector('#out');
try {
  const create = params.has('worker') ? createWorkerSummarizer : createSummarizer;
  const summarizer = await create({ model: params.get('model') });
  await summarizer.ready;
  const result = await summarizer.summarize(document.querySelector('#text').textContent, { sentences: 2 });
  out.textContent = JSON.stringify({ model: summarizer.model, result });
} catch (e) {
  out.textContent = `error: ${e.message}`;
}
