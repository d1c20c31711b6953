// "Check statuses" under a finished bulk run: looks up every link the run made (through the status
// book, so its limiter bounds them and a link already being looked up is not asked twice) and shows
// how many are in each state.

import { el, replaceChildren } from './dom.js';
import { countStates, LABELS } from './link-status.js';
import { stat } from './stat.js';

const SHOWN_STATES = ['accepted', 'declined', 'review', 'submitted', 'pending'];
const TONE = { accepted: 'stat good', declined: 'stat bad' };

/**
 * @param {string[]} linkIds the links the run made
 * @param {{ book: object }} deps the page's status book (status-book.js)
 * @returns {{ node: HTMLElement, readonly checked: boolean }}
 */
export function bulkStatusCheck(linkIds, { book }) {
  const count = linkIds.length;
  let checked = false;
  const button = el('button', { type: 'button', className: 'button ghost', id: 'bulk-check' }, 'Check statuses');
  const result = el('div', { className: 'status-stats', id: 'bulk-statuses', 'aria-live': 'polite' });
  const node = el(
    'div',
    { className: 'status-check' },
    el(
      'div',
      { className: 'status-check-head' },
      el(
        'div',
        {},
        el('strong', {}, 'Verification statuses'),
        el(
          'p',
          { className: 'muted', id: 'bulk-check-text' },
          `Look up what became of the ${count} links of this run.`,
        ),
      ),
      button,
    ),
    result,
  );
  const text = node.querySelector('#bulk-check-text');

  button.addEventListener('click', async () => {
    button.disabled = true;
    button.classList.add('busy');
    node.dataset.state = 'checking';
    let done = 0;
    const progress = () => {
      text.textContent = `Checking ${done} of ${count}…`;
    };
    progress();
    const checkOne = async (linkId) => {
      await book.check(linkId);
      done++;
      progress();
    };
    await Promise.all(linkIds.map(checkOne));
    const counts = countStates(linkIds, book);
    replaceChildren(
      result,
      ...SHOWN_STATES.map((state) => stat(counts[state], LABELS[state].toLowerCase(), TONE[state], state)),
      stat(counts.failed, 'lookup failed', counts.failed ? 'stat bad' : 'stat', 'failed'),
    );
    const at = new Date().toLocaleTimeString();
    text.textContent = `Checked ${count} links at ${at}. The results CSV now has their statuses.`;
    checked = true;
    node.dataset.state = 'checked';
    button.disabled = false;
    button.classList.remove('busy');
    button.textContent = 'Check again';
  });

  return {
    node,
    get checked() {
      return checked;
    },
  };
}
