// Text shared to the installed app from another app (manifest.webmanifest share_target: GET with
// title, text and url parameters) becomes the article in the box.

/**
 * @param {Location|URL} location
 * @returns {{text: string, title: string, linkOnly: boolean, url?: string}|null} null when nothing was shared
 */
export function sharedArticle(location) {
  const params = new URL(location.href).searchParams;
  if (!['title', 'text', 'url'].some((k) => params.has(k))) return null;
  const title = (params.get('title') ?? '').trim();
  const text = (params.get('text') ?? '').trim();
  const url = (params.get('url') ?? '').trim();
  // Apps often share only a link (in url, or as the whole text). The page never fetches other
  // sites (privacy, and its CSP), so a link alone cannot be summarized: say so.
  const linkOnly = !text || (/^\S+$/.test(text) && /^https?:\/\//.test(text));
  if (linkOnly) return { text: '', title, linkOnly: true, url: url || text };
  return { text: title && !text.startsWith(title) ? `${title}\n\n${text}` : text, title, linkOnly: false };
}

/** The page's address without the shared parameters (a reload must not share again). */
export function forgetShare() {
  history.replaceState(null, '', location.pathname + location.hash);
}
