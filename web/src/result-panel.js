// The right-hand card: empty, working, the link made (ID, URL, copy, QR, expiry) or what went wrong.

import { makeCopyButton } from './clipboard.js';
import { el, replaceChildren } from './dom.js';
import { downloadCanvas } from './download.js';
import { describeError } from './error-text.js';
import { isOpenableUrl } from './link-url.js';
import { drawQr } from './qr.js';
import { formatDateTime, humanizeMinutes } from './time-format.js';

export function createResultPanel(card) {
  function showEmpty() {
    card.dataset.state = 'empty';
    replaceChildren(
      card,
      el(
        'div',
        { className: 'empty-state' },
        el('img', { className: 'empty-illustration', src: '/qr-placeholder.svg', alt: '' }),
        el('h2', { id: 'result-title' }, 'Your link will appear here'),
        el('p', {}, 'Fill in the form and press Generate link. You get a URL to send and a QR code to show.'),
      ),
    );
  }

  function showPending() {
    card.dataset.state = 'pending';
    replaceChildren(
      card,
      el(
        'div',
        { className: 'empty-state' },
        el('div', { className: 'spinner', 'aria-hidden': 'true' }),
        el('h2', { id: 'result-title' }, 'Creating the link…'),
        el('p', {}, 'Asking FACEKI for a verification link.'),
      ),
    );
  }

  /** @param {{ linkId: string, url: string, applicationId?: string, createdAt: number, expiresAt: string | null }} link */
  function showLink(link) {
    card.dataset.state = 'link';
    const urlField = el('input', {
      className: 'mono',
      id: 'link-url',
      value: link.url,
      readOnly: true,
      'aria-label': 'Link URL',
    });
    const copyUrl = makeCopyButton(
      el('button', { type: 'button', className: 'button primary', id: 'copy-url' }, 'Copy'),
      () => link.url,
      urlField,
    );
    const canvas = el('canvas', { id: 'link-qr', 'aria-label': 'QR code of the link URL', role: 'img' });
    drawQr(canvas, link.url).catch(() => {
      canvas.replaceWith(el('p', { className: 'muted' }, 'This URL is too long for a QR code.'));
    });

    replaceChildren(
      card,
      el(
        'div',
        { className: 'result-head' },
        el('span', { className: 'success-mark', 'aria-hidden': 'true' }),
        el(
          'div',
          {},
          el('h2', { id: 'result-title' }, 'Link ready'),
          el(
            'p',
            { className: 'muted' },
            link.applicationId
              ? `For application ${link.applicationId}`
              : 'Send it to the customer, or let them scan the code.',
          ),
        ),
      ),
      el('label', { className: 'label', for: 'link-url' }, 'Link URL'),
      el(
        'div',
        { className: 'copy-row' },
        urlField,
        copyUrl,
        isOpenableUrl(link.url)
          ? el('a', { className: 'button ghost', href: link.url, target: '_blank', rel: 'noopener noreferrer' }, 'Open')
          : el('span', { className: 'muted', id: 'link-not-openable' }, 'Not an https link: not opened from here'),
      ),
      el(
        'div',
        { className: 'result-body' },
        el(
          'dl',
          { className: 'facts' },
          el('dt', {}, 'Link ID'),
          el('dd', { className: 'mono', id: 'link-id' }, link.linkId),
          el('dt', {}, 'Expires'),
          el('dd', { id: 'link-expiry' }, expiryText(link)),
          el('dt', {}, 'Created'),
          el('dd', {}, formatDateTime(link.createdAt)),
        ),
        el(
          'figure',
          { className: 'qr' },
          canvas,
          el(
            'figcaption',
            {},
            el(
              'button',
              {
                type: 'button',
                className: 'link-button',
                onclick: () => downloadCanvas(canvas, `kyc-link-${link.linkId}.png`),
              },
              'Download QR code',
            ),
          ),
        ),
      ),
    );
  }

  /** @param {unknown} error @param {(() => void) | undefined} retry */
  function showError(error, retry) {
    card.dataset.state = 'error';
    const { title, hint, detail, facts, retryable } = describeError(error);
    replaceChildren(
      card,
      el(
        'div',
        { className: 'error-panel', role: 'alert', 'data-code': error?.code ?? 'UNKNOWN' },
        el(
          'div',
          { className: 'result-head' },
          el('span', { className: error?.code === 'ABORTED' ? 'neutral-mark' : 'error-mark', 'aria-hidden': 'true' }),
          el('div', {}, el('h2', { id: 'result-title' }, title), el('p', { className: 'muted' }, hint)),
        ),
        el('p', { className: 'error-detail' }, detail),
        el('ul', { className: 'chips' }, ...facts.map((fact) => el('li', { className: 'chip' }, fact))),
        retryable && retry
          ? el('button', { type: 'button', className: 'button ghost', onclick: retry }, 'Try again')
          : null,
      ),
    );
  }

  showEmpty();
  return { showPending, showLink, showError };
}

function expiryText({ createdAt, expiresAt }) {
  if (expiresAt === null) return 'FACEKI’s default lifetime';
  return `${formatDateTime(expiresAt)} (${humanizeMinutes(Math.round((Date.parse(expiresAt) - createdAt) / 60_000))})`;
}
