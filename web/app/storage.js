// Keeps the current article in this browser (localStorage: this device, this site only), so that a
// reload or a closed tab does not lose it. Clear removes it. Nothing is ever sent anywhere.

const KEY = 'precis:text';
const TITLE_KEY = 'precis:title';

/** The kept article, or {text: '', title: ''}. */
export function restoreText() {
  try {
    return { text: localStorage.getItem(KEY) ?? '', title: localStorage.getItem(TITLE_KEY) ?? '' };
  } catch {
    return { text: '', title: '' };   // storage disabled (some private modes, policies)
  }
}

/**
 * Keeps `text` (or forgets it when empty). Returns false when the browser refused (quota: very
 * large texts), so the page can say the text will not survive a reload.
 */
export function keepText(text, title = '') {
  try {
    if (!text) {
      localStorage.removeItem(KEY);
      localStorage.removeItem(TITLE_KEY);
      return true;
    }
    localStorage.setItem(KEY, text);
    localStorage.setItem(TITLE_KEY, title);
    return true;
  } catch {
    try {
      localStorage.removeItem(KEY);   // never leave an older article behind
      localStorage.removeItem(TITLE_KEY);
    } catch {
      // nothing more to do
    }
    return false;
  }
}
