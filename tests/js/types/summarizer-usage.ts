// Compiled (not run) by tests/js/types.test.mjs: summarizer.d.ts accepts the usage the spec and
// web/README.md show, and refuses misuse (each @ts-expect-error must be an error, or tsc fails).
import { configure, CreateMonitor, Summarizer, type Availability } from '../../../web/summarizer.js';

configure({ model: '/models/precis-base/', workerUrl: new URL('/worker.js', 'https://example.org') });
const availability: Availability = await Summarizer.availability({ type: 'tldr', expectedInputLanguages: ['fr'] });
if (availability !== 'unavailable') {
  const s = await Summarizer.create({
    type: 'key-points', format: 'plain-text', length: 'long', sharedContext: 'Un titre', outputLanguage: 'fr',
    signal: AbortSignal.timeout(10_000), precis: { model: null, worker: false },
    monitor(m: CreateMonitor) {
      m.addEventListener('downloadprogress', (e) => console.log(e.loaded * 100, e.total));
      m.ondownloadprogress = (e) => console.log(e.lengthComputable);
    },
  });
  const text: string = await s.summarize('Un article.', { context: 'Un titre', signal: new AbortController().signal });
  const reader = s.summarizeStreaming(text).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) console.log(r.value.length);
  const usage: number = await s.measureInputUsage(text);
  console.log(usage <= s.inputQuota, s.type, s.format, s.length, s.sharedContext, s.outputLanguage?.length,
    s.expectedInputLanguages?.[0], s.expectedContextLanguages, s.precis.model.state, s.precis.version);
  s.destroy();

  // @ts-expect-error not a SummarizerType
  await Summarizer.create({ type: 'bullets' });
  // @ts-expect-error summarize() resolves to a string, not Précis's result object
  (await s.summarize('x')).summary;
  // @ts-expect-error attributes are read-only
  s.type = 'tldr';
  // @ts-expect-error use Summarizer.create()
  new Summarizer();
  // @ts-expect-error unknown Précis setting
  configure({ modle: null });
}
