// Links made in this tab, kept in sessionStorage (never localStorage: a link URL lets anyone start
// the verification, so it must not outlive the tab). A bulk run is one collapsible entry, and both the
// list and an opened run show PAGE rows at a time, so hundreds of links keep the page short. Each link
// row shows its status; the rows on screen are the ones auto-refreshed.

import { makeCopyButton } from './clipboard.js';
import { el, replaceChildren } from './dom.js';
import { countStates, LABELS, NEW_LINK_STATUS } from './link-status.js';
import { statusCell } from './status-cell.js';
import { formatDateTime } from './time-format.js';

const STORAGE_KEY = 'faceki-kyc-admin.history';
const PAGE = 10;
const HEADINGS = ['Created', 'Application ID', 'Link ID', 'Status', 'Expires', ''];

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
const muted = (text) => el('span', { className: 'muted' }, text);

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved : [];
  } catch {
    return [];
  }
}

/**
 * @param {HTMLElement} card
 * @param {{ resultPanel: { showLink(link: object): void }, book: object,
 *           poller: { watch(linkIds: string[]): void, refresh(linkId: string): unknown } }} deps
 */
export function createLinkHistory(card, { resultPanel, book, poller }) {
  const body = card.querySelector('#history-body');
  const clearButton = card.querySelector('#history-clear');
  // Entries newest first: a link, or a bulk run { batch: { id, fileName, createdAt }, links }.
  let entries = load();
  let shownEntries = PAGE;
  const shownInBatch = new Map(); // batch id -> rows shown while open; absent: closed
  let onScreen = { cells: new Map(), batches: new Map() }; // linkId -> cell, batch id -> summary updater

  function save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
    } catch {
      // Storage full: the list stays in memory for as long as the page is open.
    }
    render();
  }

  function linkRow(link, className) {
    const cell = statusCell(link.linkId, { book, refresh: poller.refresh });
    onScreen.cells.set(link.linkId, cell);
    return el(
      'tr',
      { className, 'data-link-id': link.linkId },
      el('td', { className: 'nowrap' }, formatDateTime(link.createdAt)),
      el('td', {}, link.applicationId ?? muted('—')),
      el('td', { className: 'mono truncate', title: link.linkId }, link.linkId),
      cell.node,
      el('td', { className: 'nowrap' }, link.expiresAt === null ? muted('default') : formatDateTime(link.expiresAt)),
      el(
        'td',
        { className: 'row-actions' },
        makeCopyButton(el('button', { type: 'button', className: 'button ghost small' }, 'Copy URL'), () => link.url),
        el(
          'button',
          { type: 'button', className: 'button ghost small', onclick: () => resultPanel.showLink(link) },
          'Show',
        ),
      ),
    );
  }

  function moreRow(label, onclick, className) {
    const button = el('button', { type: 'button', className: 'link-button', onclick }, label);
    return el('tr', { className: `more-row ${className}` }, el('td', { colSpan: HEADINGS.length }, button));
  }

  function batchRows({ batch, links }) {
    const shown = shownInBatch.get(batch.id);
    const open = shown !== undefined;
    const summary = el('td', { className: 'batch-summary' });
    const linkIds = links.map((link) => link.linkId);
    const updateSummary = () => replaceChildren(summary, ...summaryChips(countStates(linkIds, book)));
    updateSummary();
    for (const linkId of linkIds) onScreen.batches.set(linkId, updateSummary);
    const toggle = el(
      'button',
      {
        type: 'button',
        className: 'button ghost small batch-toggle',
        'aria-expanded': String(open),
        onclick: () => {
          if (open) shownInBatch.delete(batch.id);
          else shownInBatch.set(batch.id, PAGE);
          render();
        },
      },
      open ? 'Hide links' : 'Show links',
    );
    const head = el(
      'tr',
      { className: 'batch-row', 'data-batch-id': batch.id },
      el('td', { className: 'nowrap' }, formatDateTime(batch.createdAt)),
      el(
        'td',
        { colSpan: 2 },
        el('span', { className: 'batch-icon', 'aria-hidden': 'true' }),
        el('strong', {}, batch.fileName),
        ' ',
        muted(`· bulk · ${plural(links.length, 'link')}`),
      ),
      summary,
      el('td', {}, muted('—')),
      el('td', { className: 'row-actions' }, toggle),
    );
    if (!open) return [head];
    const rows = links.slice(0, shown).map((link) => linkRow(link, 'batch-child'));
    const rest = links.length - shown;
    const more =
      rest > 0 &&
      moreRow(
        `Show ${Math.min(rest, PAGE)} more of this run (${rest} left)`,
        () => {
          shownInBatch.set(batch.id, shown + PAGE);
          render();
        },
        'batch-child',
      );
    return [head, ...rows, more];
  }

  function render() {
    onScreen = { cells: new Map(), batches: new Map() };
    clearButton.disabled = entries.length === 0;
    if (entries.length === 0) {
      const empty =
        'No links yet. Links you generate here, one by one or in bulk, are listed until you close this tab.';
      replaceChildren(body, el('p', { className: 'empty-line' }, empty));
      poller.watch([]);
      return;
    }
    const rows = entries.slice(0, shownEntries).flatMap((entry) => (entry.batch ? batchRows(entry) : [linkRow(entry)]));
    const rest = entries.length - shownEntries;
    replaceChildren(
      body,
      el(
        'div',
        { className: 'table-wrap' },
        el(
          'table',
          { id: 'history-table' },
          el('thead', {}, el('tr', {}, ...HEADINGS.map((h) => el('th', { scope: 'col' }, h)))),
          el(
            'tbody',
            {},
            ...rows,
            rest > 0 &&
              moreRow(
                `Show ${Math.min(rest, PAGE)} more (${rest} older)`,
                () => {
                  shownEntries += PAGE;
                  render();
                },
                'older',
              ),
          ),
        ),
      ),
    );
    poller.watch([...onScreen.cells.keys()]);
  }

  book.subscribe((linkId) => {
    onScreen.cells.get(linkId)?.update();
    onScreen.batches.get(linkId)?.();
  });

  clearButton.addEventListener('click', () => {
    entries = [];
    shownEntries = PAGE;
    shownInBatch.clear();
    sessionStorage.removeItem(STORAGE_KEY);
    render();
  });

  render();
  return {
    /** @param {object} link one link just made; its status is Pending without asking */
    add(link) {
      book.know(link.linkId, NEW_LINK_STATUS);
      entries = [link, ...entries];
      save();
    },
    /** @param {{ fileName: string, links: object[] }} run a bulk run's links, in the order they were made */
    addBatch({ fileName, links }) {
      if (links.length === 0) return;
      for (const link of links) book.know(link.linkId, NEW_LINK_STATUS);
      const batch = { id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, fileName, createdAt: Date.now() };
      entries = [{ batch, links }, ...entries];
      save();
    },
  };
}

/** "2 accepted · 3 pending" as badges, in the order a reader scans for: decided first. */
function summaryChips(counts) {
  const badge = (state, text) => el('span', { className: 'status-badge', 'data-state': state }, text);
  const chips = ['accepted', 'declined', 'review', 'submitted', 'pending']
    .filter((state) => counts[state] > 0)
    .map((state) => badge(state, `${counts[state]} ${LABELS[state].toLowerCase()}`));
  if (counts.failed) chips.push(badge('failed', `${counts.failed} lookup failed`));
  if (counts.unchecked) chips.push(muted(`${counts.unchecked} not checked`));
  return chips;
}
