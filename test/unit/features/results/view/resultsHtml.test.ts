import * as assert from 'node:assert/strict';
import { makeNonce, resultsCsp, resultsHtml } from '../../../../../src/features/results/view/resultsHtml';

suite('results view: page shell and Content-Security-Policy', () => {
  const html = resultsHtml({
    cspSource: 'https://x.vscode-cdn.net',
    nonce: 'abc123==',
    scripts: ['https://x.vscode-cdn.net/media/results/main.js'],
    styles: ['https://x.vscode-cdn.net/media/results/results.css'],
    title: '"><script>alert(1)</script>.results.jsonl',
  });

  test("the CSP allows nothing by default, only nonce'd scripts, local styles, data: images and media", () => {
    const csp = resultsCsp('https://x.vscode-cdn.net', 'abc123==');
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );
    assert.equal(directives['default-src'], "'none'");
    assert.equal(directives['script-src'], "'nonce-abc123=='");
    assert.equal(directives['style-src'], 'https://x.vscode-cdn.net');
    assert.equal(directives['img-src'], 'data: https://x.vscode-cdn.net');
    assert.equal(directives['media-src'], 'data:');
    assert.ok(!csp.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
    assert.ok(html.includes(`content="${csp.replace(/'/g, "'")}"`), 'the page carries the CSP');
  });

  test('every script carries the nonce; the file name in the title is escaped; no result data is in the HTML', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes('nonce="abc123=="')));
    assert.ok(html.includes('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.results.jsonl</title>'));
  });

  test('nonces are base64 of 16 random bytes', () => {
    assert.equal(
      makeNonce(() => new Uint8Array(16).fill(255)),
      '/////////////////////w==',
    );
  });
});
