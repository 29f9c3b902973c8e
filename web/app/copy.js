// The summary as text for the clipboard: plain (one sentence per line) or a Markdown list.

/** Sentences on one line each, inner line breaks flattened. */
export function summaryAsText(summary) {
  return summary.map((s) => oneLine(s.text)).join('\n');
}

/** "- sentence" per line; characters that Markdown would read as markup at line start escaped. */
export function summaryAsMarkdown(summary) {
  return summary.map((s) => `- ${oneLine(s.text).replace(/^([#>+\-*]|\d+[.)])/, '\\$1')}`).join('\n');
}

function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Writes text to the clipboard. Uses the async Clipboard API, and falls back to a hidden
 * textarea + execCommand where that API is missing or refused (older browsers, some iframes).
 * @returns {Promise<boolean>} whether the copy succeeded
 */
export async function copyToClipboard(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
