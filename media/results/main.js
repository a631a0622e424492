// The results view page: header summary, toolbar (filters, search, sort, actions), the virtualized list and the
// selected row's detail. Everything shown comes by message from the extension host and is rendered as text.
'use strict';
(function () {
  const vscode = acquireVsCodeApi();
  const { el, part } = window.ResultsRender;
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );

  const summaryBox = document.getElementById('summary');
  const toolbar = document.getElementById('toolbar');
  const detail = document.getElementById('detail');
  const query = { status: 'all', finishReason: '', errorCode: '', sort: 'file' };
  let search = '';
  let last = { matching: -1, done: false };
  let inputKnown = false;
  let detailIndex = -1;
  const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '');
  const post = (message) => vscode.postMessage(message);
  const openLink = (href) => post({ type: 'openLink', href });

  function select(options, onChange) {
    const box = el('select');
    box.addEventListener('change', () => onChange(box.value));
    let shown = '';
    box.setOptions = (list, current) => {
      // Rebuilt only when the choices change, so an open dropdown is not closed by every progress update.
      const key = JSON.stringify(list);
      if (key !== shown) {
        shown = key;
        box.replaceChildren(
          ...list.map(([value, label]) => {
            const o = el('option', '', label);
            o.value = value;
            return o;
          }),
        );
      }
      box.value = current;
    };
    box.setOptions(options, options[0][0]);
    return box;
  }

  let queryChanged = false;
  function sendQuery() {
    queryChanged = true;
    post({
      type: 'query',
      query: { status: query.status, finishReason: query.finishReason, errorCode: query.errorCode, sort: query.sort },
      search,
    });
  }

  const statusBox = select(
    [
      ['all', 'All'],
      ['succeeded', 'Succeeded'],
      ['noAnswer', 'No answer'],
      ['failed', 'Failed'],
    ],
    (v) => {
      query.status = v;
      sendQuery();
    },
  );
  const finishBox = select([['', 'Any finish reason']], (v) => {
    query.finishReason = v;
    sendQuery();
  });
  const codeBox = select([['', 'Any error code']], (v) => {
    query.errorCode = v;
    sendQuery();
  });
  const sortBox = select(
    [
      ['file', 'File order'],
      ['tokensDesc', 'Most tokens first'],
      ['tokensAsc', 'Fewest tokens first'],
    ],
    (v) => {
      query.sort = v;
      sendQuery();
    },
  );
  const searchBox = el('input');
  searchBox.type = 'search';
  searchBox.placeholder = 'Search answers, keys, errors…';
  let searchTimer;
  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      search = searchBox.value;
      sendQuery();
    }, 250);
  });
  const button = (label, command) => {
    const b = el('button', '', label);
    b.addEventListener('click', () => post({ type: 'command', command }));
    return b;
  };
  toolbar.append(
    statusBox,
    finishBox,
    codeBox,
    searchBox,
    sortBox,
    button('Retry Failed Lines', 'retryFailed'),
    button('Export Results…', 'export'),
    button('Open as Text', 'openText'),
  );
  // Named for screen readers too: a title alone is not announced reliably.
  for (const [box, name] of [
    [statusBox, 'Show'],
    [finishBox, 'Finish reason'],
    [codeBox, 'Error code'],
    [searchBox, 'Search'],
    [sortBox, 'Order'],
  ]) {
    box.title = name;
    box.setAttribute('aria-label', name);
  }

  /** The status glyph in words, for screen readers and the tooltip. */
  function statusWords(row) {
    if (!row.ok) {
      return 'Failed';
    }
    if (row.noAnswer) {
      return 'No answer';
    }
    return row.cutShort ? 'Cut short' : 'Succeeded';
  }

  function renderRow(row, pos, isSelected) {
    const node = el(
      'div',
      `row${row ? '' : ' placeholder'}${isSelected ? ' selected' : ''}${row && !row.ok ? ' failed' : ''}${row && (row.noAnswer || row.cutShort) ? ' warned' : ''}`,
    );
    node.setAttribute('role', 'option');
    if (!row) {
      node.appendChild(el('span', 'muted', '…'));
      return node;
    }
    // ⚠: a response with no usable answer (blocked, out of tokens), or an answer the token limit cut short.
    const okMark = row.noAnswer || row.cutShort ? '⚠' : '✓';
    const status = el('span', 'c-status', row.ok ? okMark : '✗');
    status.setAttribute('role', 'img');
    status.setAttribute('aria-label', statusWords(row));
    status.title = statusWords(row);
    node.append(
      status,
      el('span', 'c-key', row.key ?? `#${row.index + 1}`),
      el('span', 'c-prompt', row.prompt ?? ''),
      el('span', 'c-answer', row.answer),
      el('span', 'c-finish', row.ok ? (row.finishReason ?? '') : (row.errorCode ?? '')),
      el('span', 'c-tokens', row.tokens !== undefined ? fmt(row.tokens) : ''),
    );
    return node;
  }

  const list = window.ResultsList.createList({
    container: document.getElementById('list'),
    spacer: document.getElementById('spacer'),
    rowsBox: document.getElementById('rows'),
    requestPage: (seq, start, count) => post({ type: 'page', seq, start, count }),
    renderRow,
    onSelect: (index) => {
      detailIndex = index;
      post({ type: 'detail', index });
      if (inputKnown) {
        post({ type: 'revealInput', index });
      }
    },
  });

  /** " · ≈ $0.0123 at batch price (3 rows without a known price)": never a price the table does not have. */
  function costText(cost) {
    if (!cost || (cost.pricedRows === 0 && cost.unpricedRows === 0)) {
      return '';
    }
    if (cost.pricedRows === 0) {
      return ' · cost: price unknown for this model';
    }
    const usd = cost.batchUsd < 0.01 ? cost.batchUsd.toPrecision(2) : cost.batchUsd.toFixed(2);
    const unpriced = cost.unpricedRows ? ` (${fmt(cost.unpricedRows)} rows without a known price)` : '';
    // Cached tokens without a known batch cached price are priced as input: the figure is a ceiling then.
    const about = cost.upperBound ? 'at most' : '≈';
    return ` · ${about} $${usd} at batch price${unpriced}`;
  }

  /** The end of the summary line: reading progress, then how many rows the filter shows (when not all). */
  function progressText(state) {
    if (!state.done) {
      return ` · reading… ${fmt(state.summarized)} of ${fmt(state.scanned)} rows summarized`;
    }
    return state.matching !== state.summary.total ? ` · showing ${fmt(state.matching)}` : '';
  }

  const listBox = document.getElementById('list');
  const emptyBox = listBox.insertBefore(el('div', 'empty muted'), listBox.firstChild);
  emptyBox.setAttribute('role', 'status');

  /** Says why the list is empty once reading is done: no row matches the filters, or the file has none. */
  function renderEmpty(state) {
    const empty = state.done && state.matching === 0;
    emptyBox.hidden = !empty;
    if (!empty) {
      return;
    }
    if (query.status === 'all' && !query.finishReason && !query.errorCode && !search) {
      emptyBox.replaceChildren(el('span', '', 'This file has no results.'));
      return;
    }
    const clear = el('button', '', 'Clear Filters');
    clear.addEventListener('click', () => {
      query.status = statusBox.value = 'all';
      query.finishReason = finishBox.value = '';
      query.errorCode = codeBox.value = '';
      search = searchBox.value = '';
      sendQuery();
    });
    const filters = query.status !== 'all' || query.finishReason || query.errorCode;
    let what = 'No rows match these filters';
    if (search) {
      what = `No rows match “${search}”${filters ? ' with these filters' : ''}`;
    }
    emptyBox.replaceChildren(el('span', '', `${what}. `), clear);
  }

  function renderSummary(state) {
    const s = state.summary;
    const codes = Object.entries(s.byErrorCode)
      .map(([c, n]) => `${c} ${fmt(n)}`)
      .join(', ');
    const reasons = Object.entries(s.byNoAnswerReason || {})
      .map(([c, n]) => `${c} ${fmt(n)}`)
      .join(', ');
    const t = s.tokens;
    summaryBox.replaceChildren(
      el('strong', '', `${fmt(state.scanned)} results`),
      el('span', 'ok', ` · ${fmt(s.succeeded)} succeeded`),
      el('span', s.noAnswer ? 'warn' : 'muted', s.noAnswer ? ` · ${fmt(s.noAnswer)} no answer (${reasons})` : ''),
      el('span', s.failed ? 'bad' : '', ` · ${fmt(s.failed)} failed${codes ? ` (${codes})` : ''}`),
      el(
        'span',
        'muted',
        ` · tokens: ${fmt(t.prompt)} prompt, ${fmt(t.output)} output, ${fmt(t.thoughts)} thoughts, ${fmt(t.cached)} cached, ${fmt(t.total)} total`,
      ),
      el('span', 'muted', costText(s.cost)),
      el('span', 'muted', progressText(state)),
    );
    finishBox.setOptions([['', 'Any finish reason'], ...state.finishReasons.map((r) => [r, r])], query.finishReason);
    codeBox.setOptions([['', 'Any error code'], ...state.errorCodes.map((c) => [c, c])], query.errorCode);
  }

  function renderDetail(row, advice, notice) {
    if (!row) {
      detail.replaceChildren(el('div', 'muted', 'This row is no longer in the file.'));
      return;
    }
    const head = el('div', 'd-head');
    head.append(
      row.ok && row.noAnswer
        ? el('span', 'warn', row.noAnswer.kind === 'blocked' ? '⚠ Blocked' : '⚠ No answer')
        : el('span', row.ok ? 'ok' : 'bad', row.ok ? '✓ Succeeded' : '✗ Failed'),
      el('span', 'd-key', row.key ?? `row ${row.index + 1}`),
    );
    if (row.finishReason) {
      head.appendChild(el('span', 'pill', row.finishReason));
    }
    if (row.modelVersion) {
      head.appendChild(el('span', 'pill', row.modelVersion));
    }
    if (row.copyText !== undefined) {
      const copy = head.appendChild(el('button', 'copy', 'Copy Answer'));
      copy.title = 'Copy the answer as text (thoughts left out)';
      copy.addEventListener('click', () => post({ type: 'copyAnswer', index: row.index }));
    }
    if (row.inputLine !== undefined && inputKnown) {
      const go = head.appendChild(el('button', '', `Input line ${row.inputLine}`));
      go.addEventListener('click', () => post({ type: 'revealInput', index: row.index }));
    }
    const t = row.tokens || {};
    const tokens = [
      ['prompt', t.prompt],
      ['output', t.output],
      ['thoughts', t.thoughts],
      ['cached', t.cached],
      ['total', t.total],
    ].filter(([, n]) => n !== undefined && n !== null);
    const nodes = [head];
    if (tokens.length) {
      nodes.push(el('div', 'muted', 'Tokens: ' + tokens.map(([k, n]) => `${k} ${fmt(n)}`).join(' · ')));
    }
    if (notice) {
      const box = el('div', 'notice');
      box.appendChild(el('div', '', notice));
      if (row.noAnswer && row.noAnswer.message) {
        box.appendChild(el('div', 'muted', row.noAnswer.message));
      }
      nodes.push(box);
    }
    if (row.prompt !== undefined) {
      nodes.push(el('h3', '', 'Prompt'), el('div', 'prompt', row.prompt));
    }
    if (row.error) {
      const box = el('div', 'error');
      box.append(
        el('div', 'error-code', `${row.error.code}${row.error.number !== undefined ? ` (${row.error.number})` : ''}`),
      );
      if (row.error.message) {
        box.appendChild(el('div', '', row.error.message));
      }
      if (advice) {
        box.appendChild(el('div', 'advice', advice));
      }
      nodes.push(el('h3', '', 'Error'), box);
    }
    if (row.parts.length) {
      nodes.push(el('h3', '', 'Answer'));
    }
    for (const p of row.parts) {
      nodes.push(part(p, openLink));
    }
    detail.replaceChildren(...nodes);
    post({ type: 'rendered', index: row.index });
  }

  function probe() {
    const all = [...document.querySelectorAll('*')];
    return {
      listRows: list.renderedRows,
      detailText: detail.textContent,
      detailHtml: detail.innerHTML,
      scripts: document.querySelectorAll('#summary script, #toolbar script, #list script, #detail script').length,
      handlers: all.filter((n) => [...n.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
      badHrefs: all
        .map((n) => n.getAttribute('href') || n.getAttribute('src') || '')
        .filter((h) => /^\s*(javascript|vbscript|data:text)/i.test(h)),
      pwned: window.__pwned !== undefined,
      violations: violations.slice(),
      emptyText: emptyBox.hidden ? '' : emptyBox.textContent,
      activeDescendant: listBox.getAttribute('aria-activedescendant') || '',
      selectedRows: [...document.querySelectorAll('#rows [aria-selected="true"]')].map((n) => n.id),
      statusLabels: [...document.querySelectorAll('#rows .c-status')].map((n) => n.getAttribute('aria-label')),
      unnamedControls: [...toolbar.querySelectorAll('select, input')].filter((n) => !n.getAttribute('aria-label'))
        .length,
    };
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') {
      return;
    }
    switch (m.type) {
      case 'state': {
        inputKnown = m.inputKnown === true;
        const changedQuery = m.state.matching !== last.matching || queryChanged;
        if (
          !queryChanged &&
          changedQuery &&
          last.done === m.state.done &&
          query.status === 'all' &&
          !query.finishReason &&
          !query.errorCode &&
          !search &&
          query.sort === 'file' &&
          last.matching >= 0
        ) {
          list.invalidateFrom(last.matching); // rows were only appended
          list.setTotal(m.state.matching, false);
        } else {
          list.setTotal(m.state.matching, changedQuery || m.state.done !== last.done);
        }
        queryChanged = false;
        last = m.state;
        renderSummary(m.state);
        renderEmpty(m.state);
        break;
      }
      case 'page':
        list.receivePage(m.seq, m.start, m.rows);
        break;
      case 'refresh':
        list.setTotal(last.matching, true);
        if (detailIndex >= 0) {
          post({ type: 'detail', index: detailIndex });
        }
        break;
      case 'detail':
        inputKnown = m.inputKnown === true;
        renderDetail(m.row, m.advice, m.notice);
        break;
      // The host gives the row's position in the current selection (-1 when filtered out) and its table index.
      case 'select':
        list.select(m.position, m.index);
        if (m.position < 0) {
          detailIndex = m.index;
          post({ type: 'detail', index: m.index });
        }
        break;
      case 'clickCopy':
        detail.querySelector('button.copy')?.click();
        break;
      case 'copied': {
        const copy = detailIndex === m.index ? detail.querySelector('button.copy') : null;
        if (copy) {
          copy.textContent = 'Copied';
        }
        break;
      }
      case 'error':
        summaryBox.replaceChildren(el('span', 'bad', m.message));
        break;
      case 'probe':
        post({ type: 'probe', probe: probe() });
        break;
      // What the toolbar does, driven by a test: set the controls, then send the query as a change would.
      case 'applyQuery':
        query.status = statusBox.value = m.query.status || 'all';
        query.sort = sortBox.value = m.query.sort || 'file';
        query.finishReason = m.query.finishReason || '';
        query.errorCode = m.query.errorCode || '';
        search = searchBox.value = m.search || '';
        sendQuery();
        break;
      // The control of the injection test: a script without the nonce, as an injected one would be, must be
      // blocked by the CSP (a violation is reported and the flag stays unset).
      case 'cspCheck': {
        const script = el('script', '', 'window.__cspCheck = 1;');
        document.body.appendChild(script);
        script.remove();
        setTimeout(
          () => post({ type: 'cspCheck', ran: window.__cspCheck !== undefined, violations: violations.slice() }),
          0,
        );
        break;
      }
    }
  });

  detail.appendChild(el('div', 'muted', 'Select a row to see its prompt, answer, tokens and errors.'));
  post({ type: 'ready' });
})();
