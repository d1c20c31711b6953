// A count with its label, as the bulk panel's summaries show them.

import { el } from './dom.js';

/** @param {number} value @param {string} label @param {string} [className] @param {string} [state] data-state */
export function stat(value, label, className = 'stat', state) {
  return el(
    'div',
    { className, 'data-state': state },
    el('span', { className: 'stat-value' }, String(value)),
    el('span', { className: 'stat-label' }, label),
  );
}
