// A virtualized list: only the rows in view (plus a margin) exist in the DOM, and rows come from the host a page at
// a time as the user scrolls. At most MAX_PAGES pages are cached, so the page stays small whatever the file size.
'use strict';
(function () {
  const ROW_H = 26;
  const PAGE = 100;
  const MAX_PAGES = 12;

  function createList(options) {
    const { container, spacer, rowsBox, requestPage, renderRow, onSelect } = options;
    const pages = new Map(); // page number → rows (or 'pending')
    let total = 0;
    /** A selection asked for before the list had that many rows (see select). */
    let pendingSelect;
    let selected = -1; // position in the selection
    let generation = 0;

    function visibleRange() {
      const first = Math.max(0, Math.floor(container.scrollTop / ROW_H) - 10);
      const last = Math.min(total, Math.ceil((container.scrollTop + container.clientHeight) / ROW_H) + 10);
      return [first, last];
    }

    function ensurePages(first, last) {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) {
        if (!pages.has(p) && p * PAGE < total) {
          pages.set(p, 'pending');
          requestPage(generation, p * PAGE, PAGE);
        }
      }
      // Drop the pages farthest from the view once over budget (Map keeps insertion order: oldest first).
      for (const p of pages.keys()) {
        if (pages.size <= MAX_PAGES) {
          break;
        }
        if (p < Math.floor(first / PAGE) - 1 || p > Math.floor(last / PAGE) + 1) {
          pages.delete(p);
        }
      }
    }

    function render() {
      spacer.style.height = `${total * ROW_H}px`;
      const [first, last] = visibleRange();
      ensurePages(first, last);
      const fragment = document.createDocumentFragment();
      for (let pos = first; pos < last; pos++) {
        const page = pages.get(Math.floor(pos / PAGE));
        const row = Array.isArray(page) ? page[pos % PAGE] : undefined;
        const node = renderRow(row, pos, pos === selected);
        // A virtualized listbox: each option says where it stands in the whole list, and the list names the
        // selected one, so a screen reader follows the arrow keys (WAI-ARIA listbox, aria-activedescendant).
        node.id = `row-${pos}`;
        node.setAttribute('aria-selected', String(pos === selected));
        node.setAttribute('aria-posinset', String(pos + 1));
        node.setAttribute('aria-setsize', String(total));
        node.style.top = `${pos * ROW_H}px`;
        node.style.height = `${ROW_H}px`;
        if (row) {
          node.addEventListener('click', () => select(pos));
        }
        fragment.appendChild(node);
      }
      rowsBox.replaceChildren(fragment);
      if (selected >= first && selected < last) {
        container.setAttribute('aria-activedescendant', `row-${selected}`);
      } else {
        container.removeAttribute('aria-activedescendant');
      }
    }

    function rowAt(pos) {
      const page = pages.get(Math.floor(pos / PAGE));
      return Array.isArray(page) ? page[pos % PAGE] : undefined;
    }

    /** The result index of the row shown at `pos`, when its page is loaded. */
    function rowIndexAt(pos) {
      const row = rowAt(pos);
      return row ? row.index : undefined;
    }

    function select(pos, index) {
      if (pos >= total && pos >= 0) {
        // The list is not sized yet (a new query's count is on its way): the selection waits for it, or a "Show
        // Result of This Line" that came first would be dropped and its detail never shown.
        pendingSelect = { pos, index };
        return;
      }
      if (pos < 0) {
        return;
      }
      pendingSelect = undefined;
      selected = pos;
      const top = pos * ROW_H;
      if (top < container.scrollTop || top + ROW_H > container.scrollTop + container.clientHeight) {
        container.scrollTop = Math.max(0, top - container.clientHeight / 2);
      }
      render();
      const target = index !== undefined ? index : rowIndexAt(pos);
      if (target !== undefined) {
        onSelect(target, pos);
      }
    }

    container.addEventListener('scroll', render);
    window.addEventListener('resize', render);
    /** Where each key moves the selection (the listbox keys of WAI-ARIA: arrows, Home, End, Page Up/Down). */
    function keyTarget(key) {
      const page = Math.max(1, Math.floor(container.clientHeight / ROW_H) - 1);
      const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
      if (key === 'Home') {
        return 0;
      }
      if (key === 'End') {
        return total - 1;
      }
      return key in moves ? selected + moves[key] : undefined;
    }
    container.addEventListener('keydown', (event) => {
      const target = keyTarget(event.key);
      if (target !== undefined && total > 0) {
        event.preventDefault();
        select(Math.max(0, Math.min(total - 1, target)));
      }
    });

    return {
      /** New total; `reset` drops every cached page (the query or the rows changed). */
      setTotal(count, reset) {
        if (reset) {
          pages.clear();
          generation++;
          selected = -1;
        }
        total = count;
        render();
        if (pendingSelect && pendingSelect.pos < total) {
          const { pos, index } = pendingSelect;
          select(pos, index);
        }
      },
      /** Drops cached pages from `fromPosition` on (rows appended while the scan runs make the last page grow). */
      invalidateFrom(fromPosition) {
        for (const p of [...pages.keys()]) {
          if ((p + 1) * PAGE > fromPosition) {
            pages.delete(p);
          }
        }
        render();
      },
      receivePage(gen, start, rows) {
        if (gen !== generation) {
          return;
        }
        pages.set(Math.floor(start / PAGE), rows);
        render();
      },
      select,
      get generation() {
        return generation;
      },
      get renderedRows() {
        return rowsBox.querySelectorAll('.row:not(.placeholder)').length;
      },
    };
  }

  window.ResultsList = { createList };
})();
