// web/html-to-text.js in the browser (it needs DOMParser): what is kept and what is dropped from a
// typical news page, and the Markdown reduction.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildSite, launch, missingPrerequisite, openPage, serve } from './helpers.mjs';

const skip = missingPrerequisite();

const NEWS_PAGE = `<!doctype html><html><head><title>Convoy arrives | Daily News</title>
<script>var tracking = 1;</script><style>body { color: red }</style></head><body>
<header class="site"><a href="/">Daily News</a><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies. Accept?</div>
<main><article>
  <header><h1>First Russian convoy arrives in Belarus</h1><p class="byline">By A. Writer</p></header>
  <figure><img src="convoy.jpg" alt="Trucks"><figcaption>Photo: Agency</figcaption></figure>
  <p>The first convoy arrived on Saturday, the ministry said.</p>
  <div class="ad-slot">Advertisement</div>
  <p>Minsk and Moscou agreed on a joint force.<br>Officials called it defensive.</p>
  <ul><li>Point one.</li><li>Point two.</li></ul>
  <div class="share-buttons">Share on Facebook Tweet</div>
  <aside>Related: other story</aside>
  <form><label>Email</label><input name="email"><button>Subscribe</button></form>
  <p>The bridge will not be repaired before July.</p>
</article></main>
<footer>© Daily News — Terms</footer>
</body></html>`;

describe('html-to-text', { skip: skip ?? false }, () => {
  let server, browser, page;

  before(async () => {
    server = await serve(buildSite('e2e-html-to-text'));
    browser = await launch(server.origin);
    ({ page } = await openPage(browser.context, server.url));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Calls an export of the page's html-to-text.js with `arg`. */
  function call(name, arg) {
    return page.evaluate(async ([fn, input]) => {
      const src = document.querySelector('script[type="module"]').src.replace(/app\.js$/, 'html-to-text.js');
      const mod = await import(src);
      return mod[fn](input);
    }, [name, arg]);
  }

  it('keeps the article: headline, paragraphs, line breaks, list items', async () => {
    const { text, title } = await call('htmlToText', NEWS_PAGE);
    assert.equal(title, 'First Russian convoy arrives in Belarus');
    assert.equal(text, [
      'First Russian convoy arrives in Belarus',
      'By A. Writer',
      'The first convoy arrived on Saturday, the ministry said.',
      'Minsk and Moscou agreed on a joint force.\nOfficials called it defensive.',
      'Point one.',
      'Point two.',
      'The bridge will not be repaired before July.',
    ].join('\n\n'));
  });

  it('drops scripts, styles, navigation, ads, share bars, forms, captions, asides and footers', async () => {
    const { text } = await call('htmlToText', NEWS_PAGE);
    for (const junk of ['tracking', 'color: red', 'World', 'cookies', 'Photo: Agency', 'Advertisement',
      'Share on Facebook', 'Related', 'Subscribe', 'Email', 'Terms', 'Daily News']) {
      assert.ok(!text.includes(junk), `kept "${junk}"`);
    }
  });

  it('uses the whole body and the document title when there is no <article>', async () => {
    const { text, title } = await call('htmlToText',
      '<title> A  title </title><body><div>One.</div><div>Two <b>bold</b> words.</div><footer>x</footer></body>');
    assert.equal(title, 'A title');
    assert.equal(text, 'One.\n\nTwo bold words.');
  });

  it('returns empty text for markup without prose', async () => {
    assert.deepEqual(await call('htmlToText', '<script>alert(1)</script><nav>Menu</nav>'), { text: '', title: '' });
  });

  it('reduces Markdown to its prose', async () => {
    const md = '# Title\n\nSome **bold** and _italic_ text with a [link](http://x.test).\n\n'
      + '![img](a.png)\n\n- item one\n- item two\n\n> quoted line\n\n```\ncode block\n```\n\n1. first\n\n---\n';
    assert.equal(await call('markdownToText', md),
      'Title\n\nSome bold and italic text with a link.\n\nitem one\nitem two\n\nquoted line\n\nfirst');
  });
});
