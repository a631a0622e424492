/** What the page needs from the webview: its CSP source and the URIs of the media files, as strings. */
export interface ResultsHtmlInput {
  cspSource: string;
  nonce: string;
  scripts: string[];
  styles: string[];
  title: string;
}

/**
 * The Content-Security-Policy of the results view. Model output is untrusted input (issue 8): nothing loads from
 * the network, no inline script or handler runs (only the nonce'd media scripts), styles come only from the
 * extension's media, images and sounds only from data: URIs the host built from base64 it checked.
 */
export function resultsCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src data: ${cspSource}`,
    'media-src data:',
    `font-src ${cspSource}`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A random nonce per page load (base64 of 16 random bytes). */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return Buffer.from(random(16)).toString('base64');
}

/**
 * The page shell: header, toolbar, list and detail containers; the media scripts fill them. No result data is in
 * the HTML: rows arrive by message and are built with DOM APIs (textContent), never parsed as markup.
 */
export function resultsHtml(input: ResultsHtmlInput): string {
  const styles = input.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`).join('\n  ');
  const scripts = input.scripts
    .map((src) => `<script nonce="${escapeAttr(input.nonce)}" src="${escapeAttr(src)}"></script>`)
    .join('\n  ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(resultsCsp(input.cspSource, input.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${escapeAttr(input.title)}</title>
  ${styles}
</head>
<body>
  <header id="summary" aria-live="polite"></header>
  <div id="toolbar" role="toolbar"></div>
  <main id="split">
    <section id="list" tabindex="0" role="listbox" aria-label="Results"><div id="spacer"></div><div id="rows"></div></section>
    <section id="detail" aria-label="Selected result"></section>
  </main>
  ${scripts}
</body>
</html>`;
}
