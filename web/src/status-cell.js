// One link's status in a table cell: a badge (Pending, In review, Accepted, Declined, Submitted), the
// person's name when known, a refresh button, and a failed lookup's headline from error-text.js (whose
// texts never carry a URL or token).

import { el, replaceChildren } from './dom.js';
import { describeError } from './error-text.js';
import { LABELS } from './link-status.js';

/**
 * @param {string} linkId
 * @param {{ book: { get(linkId: string): object | undefined }, refresh(linkId: string): unknown }} deps
 * @returns {{ node: HTMLTableCellElement, update(): void }}
 */
export function statusCell(linkId, { book, refresh }) {
  const badge = el('span', { className: 'status-badge' });
  const detail = el('span', { className: 'status-detail' });
  const button = el('button', {
    type: 'button',
    className: 'icon-button refresh-button',
    title: 'Check the status now',
    'aria-label': 'Refresh status',
    onclick: () => refresh(linkId),
  });
  const node = el('td', { className: 'status-cell' }, el('div', { className: 'status-line' }, badge, button), detail);

  function update() {
    const entry = book.get(linkId);
    const state = entry?.status?.state;
    node.dataset.status = state ?? 'unchecked';
    node.dataset.checking = String(Boolean(entry?.checking));
    badge.dataset.state = state ?? 'unchecked';
    badge.textContent = state ? LABELS[state] : entry?.checking ? 'Checking…' : 'Not checked';
    button.disabled = Boolean(entry?.checking);
    button.classList.toggle('spinning', Boolean(entry?.checking));
    if (entry?.error) {
      const { title, hint } = describeError(entry.error);
      node.dataset.error = entry.error?.code ?? 'UNKNOWN';
      replaceChildren(detail, el('span', { className: 'status-error', title: hint }, title));
    } else {
      delete node.dataset.error;
      const name = entry?.status?.fullName;
      replaceChildren(detail, name && el('span', { className: 'status-name' }, name));
    }
  }

  update();
  return { node, update };
}
