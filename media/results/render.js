// Builds the DOM of a result from the data the host sent. Model output is untrusted: every string goes in through
// textContent or a property (never innerHTML), tags come from a fixed list, and links carry no href: a click asks
// the host, which opens only http(s) targets. No remote content: images and audio are data: URIs the host checked.
'use strict';
(function () {
  const MAX_JSON_NODES = 4000;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function inlines(parent, list, onLink) {
    for (const item of list || []) {
      if (item.t === 'strong' || item.t === 'em') {
        inlines(parent.appendChild(el(item.t)), item.c, onLink);
      } else if (item.t === 'code') {
        parent.appendChild(el('code', '', item.v));
      } else if (item.t === 'link') {
        const a = parent.appendChild(el('a', 'link', item.v));
        a.title = item.href;
        a.tabIndex = 0;
        a.setAttribute('role', 'link');
        a.addEventListener('click', () => onLink(item.href));
      } else {
        parent.appendChild(document.createTextNode(String(item.v ?? '')));
      }
    }
  }

  const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
  const ALIGNS = ['left', 'center', 'right'];

  /** A pipe table; it scrolls sideways in its own box when wider than the detail pane. */
  function table(b, onLink) {
    const box = el('div', 'table-box');
    const t = box.appendChild(el('table'));
    const cells = (tr, tag, row) =>
      (row || []).forEach((cell, i) => {
        const td = tr.appendChild(el(tag));
        const align = (b.align || [])[i];
        if (ALIGNS.includes(align)) {
          td.style.textAlign = align;
        }
        inlines(td, cell, onLink);
      });
    cells(t.appendChild(el('thead')).appendChild(el('tr')), 'th', b.head);
    const body = t.appendChild(el('tbody'));
    for (const row of b.rows || []) {
      cells(body.appendChild(el('tr')), 'td', row);
    }
    return box;
  }

  function markdown(blocks, onLink) {
    const root = el('div', 'markdown');
    for (const b of blocks || []) {
      if (b.t === 'p') {
        inlines(root.appendChild(el('p')), b.c, onLink);
      } else if (b.t === 'h') {
        inlines(root.appendChild(el(HEADINGS[Math.min(5, Math.max(0, (b.level | 0) - 1))])), b.c, onLink);
      } else if (b.t === 'pre') {
        root.appendChild(el('pre')).appendChild(el('code', '', b.v));
      } else if (b.t === 'ul' || b.t === 'ol') {
        const list = root.appendChild(el(b.t));
        for (const item of b.items || []) {
          inlines(list.appendChild(el('li')), item, onLink);
        }
      } else if (b.t === 'quote') {
        inlines(root.appendChild(el('blockquote')), b.c, onLink);
      } else if (b.t === 'hr') {
        root.appendChild(el('hr'));
      } else if (b.t === 'table') {
        root.appendChild(table(b, onLink));
      }
    }
    return root;
  }

  /** A foldable tree: objects and arrays are <details>, open for the first two levels. */
  function jsonTree(value) {
    let budget = MAX_JSON_NODES;
    function node(v, label, depth) {
      if (--budget < 0) {
        return el('div', 'json-more', '…');
      }
      const isArr = Array.isArray(v);
      if (v !== null && typeof v === 'object') {
        const entries = isArr ? v.map((x, i) => [String(i), x]) : Object.keys(v).map((k) => [k, v[k]]);
        const d = el('details', 'json');
        d.open = depth < 2;
        const s = d.appendChild(el('summary'));
        if (label !== undefined) {
          s.appendChild(el('span', 'json-key', label + ': '));
        }
        s.appendChild(el('span', 'json-brace', isArr ? `[ ${entries.length} ]` : `{ ${entries.length} }`));
        for (const [k, x] of entries) {
          d.appendChild(node(x, k, depth + 1));
        }
        return d;
      }
      const line = el('div', 'json-leaf');
      if (label !== undefined) {
        line.appendChild(el('span', 'json-key', label + ': '));
      }
      line.appendChild(el('span', 'json-' + (v === null ? 'null' : typeof v), JSON.stringify(v)));
      return line;
    }
    return node(value, undefined, 0);
  }

  function folded(title, body) {
    const d = el('details', 'thought');
    d.appendChild(el('summary', '', title));
    d.appendChild(body);
    return d;
  }

  function media(part) {
    const box = el('div', 'media');
    const size = part.bytes !== undefined ? ` · ${Math.round(part.bytes / 1024)} KB` : '';
    if (part.play === 'image' && part.src) {
      const img = box.appendChild(el('img', 'thumb'));
      img.alt = part.mimeType;
      img.src = part.src;
      img.title = 'Click for full size';
      img.addEventListener('click', () => img.classList.toggle('full'));
    } else if ((part.play === 'audio' || part.play === 'video') && part.src) {
      const player = box.appendChild(el(part.play));
      player.controls = true;
      player.src = part.src;
    }
    box.appendChild(el('div', 'muted', `${part.mimeType}${size}${part.uri ? ' · ' + part.uri : ''}`));
    return box;
  }

  function part(p, onLink) {
    switch (p.kind) {
      case 'markdown':
        return p.thought ? folded('Thoughts', markdown(p.blocks, onLink)) : markdown(p.blocks, onLink);
      case 'json':
        return p.thought ? folded('Thoughts', jsonTree(p.value)) : jsonTree(p.value);
      case 'functionCall': {
        const box = el('div', 'call');
        box.appendChild(el('div', 'call-name', `${p.name}(…)`));
        box.appendChild(jsonTree(p.args));
        return box;
      }
      case 'code':
        return el('pre', 'code').appendChild(el('code', '', p.code)).parentNode;
      case 'codeResult': {
        const box = el('div', 'code-result');
        box.appendChild(el('div', 'muted', `Code result${p.outcome ? ' · ' + p.outcome : ''}`));
        box.appendChild(el('pre', '', p.output));
        return box;
      }
      case 'media':
        return media(p);
      case 'embedding': {
        const head = (p.head || []).map((x) => (typeof x === 'number' ? x.toPrecision(4) : String(x))).join(', ');
        const norm = typeof p.norm === 'number' && isFinite(p.norm) ? p.norm.toFixed(4) : 'not a number';
        return el(
          'div',
          'embedding',
          `Embedding · ${p.dimensions} dimensions · norm ${norm} · first values [${head}${p.dimensions > (p.head || []).length ? ', …' : ''}]`,
        );
      }
      default:
        return el('div', 'muted', 'Unknown part');
    }
  }

  window.ResultsRender = { el, part, jsonTree, markdown };
})();
