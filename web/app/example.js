// "Try an example": a short French news article from OrangeSum (CC BY-SA 4.0), the data set the
// project's French scorer is developed on. The attribution the licence requires is shown with it.
import { lang, t } from './i18n.js';

let example = null;

/** The example: {title, text, date, source: {dataset, url, document}, licence: {name, url}, changes}. */
export async function loadExample() {
  if (!example) {
    const response = await fetch(new URL('./example-article.json', import.meta.url));
    if (!response.ok) throw new Error(`example-article.json: HTTP ${response.status}`);
    example = await response.json();
  }
  return example;
}

/** The text put in the box: headline, blank line, body (as a paste from the web page would be). */
export function exampleText(ex) {
  return `${ex.title}\n\n${ex.text}`;
}

/** Fills `el` with the example's attribution: title, source, data set (linked), licence (linked). */
export function renderCredit(el, ex) {
  while (el.firstChild) el.firstChild.remove();
  const link = (href, text) => Object.assign(document.createElement('a'), { href, textContent: text, rel: 'noreferrer' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(ex.date));
  const [before, after] = t('exampleCredit', { title: ex.title, date, dataset: '{dataset}' }).split('{dataset}');
  el.append(before, link(ex.source.url, ex.source.dataset), after ?? '', ' ', link(ex.licence.url, ex.licence.name), '. ', t('exampleChanges'));
}
