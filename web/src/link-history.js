// Links made in this tab, kept in sessionStorage (never localStorage: a link URL lets anyone start
// the verification, so it must not outlive the tab).

import { makeCopyButton } from './clipboard.js';
import { el, replaceChildren } from './dom.js';
import { formatDateTime } from './time-format.js';

const STORAGE_KEY = 'faceki-kyc-admin.history';

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
 * @param {{ show(link: object): void }} resultPanel where a history row is shown again
 */
export function createLinkHistory(card, resultPanel) {
  const body = card.querySelector('#history-body');
  const clearButton = card.querySelector('#history-clear');
  let links = load();

  function save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(links));
    } catch {
      // Storage full: the list stays in memory for as long as the page is open.
    }
    render();
  }

  function render() {
    clearButton.disabled = links.length === 0;
    if (links.length === 0) {
      replaceChildren(body, el('p', { className: 'empty-line' }, 'No links yet. Links you generate here, one by one or in bulk, are listed until you close this tab.'));
      return;
    }
    const rows = links.map((link) =>
      el('tr', {},
        el('td', { className: 'nowrap' }, formatDateTime(link.createdAt)),
        el('td', {}, link.applicationId ?? el('span', { className: 'muted' }, '—')),
        el('td', { className: 'mono truncate', title: link.linkId }, link.linkId),
        el('td', { className: 'nowrap' }, link.expiresAt === null ? el('span', { className: 'muted' }, 'default') : formatDateTime(link.expiresAt)),
        el('td', { className: 'row-actions' },
          makeCopyButton(el('button', { type: 'button', className: 'button ghost small' }, 'Copy URL'), () => link.url),
          el('button', { type: 'button', className: 'button ghost small', onclick: () => resultPanel.showLink(link) }, 'Show')
        )
      )
    );
    replaceChildren(
      body,
      el('div', { className: 'table-wrap' },
        el('table', {},
          el('thead', {}, el('tr', {}, ...['Created', 'Application ID', 'Link ID', 'Expires', ''].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows)
        )
      )
    );
  }

  clearButton.addEventListener('click', () => {
    links = [];
    sessionStorage.removeItem(STORAGE_KEY);
    render();
  });

  render();
  return {
    /** @param {object[]} newLinks in the order they were made; the list shows newest first */
    add(newLinks) {
      links = [...newLinks].reverse().concat(links);
      save();
    },
  };
}
