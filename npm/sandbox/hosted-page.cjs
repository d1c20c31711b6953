'use strict';
// The HTML the sandbox serves at a link's URL, standing in for FACEKI's hosted KYC page.
// Self-contained (inline CSS, one inline script allowed by its hash, no external assets) and every
// value is HTML-escaped. Its buttons complete the verification through the control route with a
// same-origin JSON POST, which the control routes' Origin and Content-Type checks admit and a
// cross-site form cannot forge.

const crypto = require('node:crypto');
const { VERIFICATION_STATUSES } = require('./verifications.cjs');

const STYLE = `
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f5f7; color: #1d2330; }
  main { max-width: 36rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
         box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); }
  h1 { margin: 0 0 0.25rem; font-size: 1.4rem; }
  .note { margin: 0 0 1.5rem; color: #5b6475; font-size: 0.9rem; }
  .state { padding: 0.75rem 1rem; border-radius: 8px; font-weight: 600; margin-bottom: 1.5rem; }
  .state.active { background: #e7f6ec; color: #1d6b3a; }
  .state.expired, .state.missing { background: #fdecec; color: #9b1c1c; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1rem; margin: 0; }
  dt { color: #5b6475; }
  form { margin-top: 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  input { flex: 1 0 100%; padding: 0.5rem; font: inherit; }
  button { padding: 0.5rem 1rem; font: inherit; border: 0; border-radius: 6px; cursor: pointer; }
  #outcome { margin-top: 1rem; font-weight: 600; }
  dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
`;

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// Reads the link id from the form, posts the chosen outcome, and shows the answer as text only.
const SCRIPT = `
const form = document.getElementById('complete');
const outcome = document.getElementById('outcome');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = event.submitter.value;
  const fullName = form.elements.fullName.value.trim() || undefined;
  const path = '/__sandbox/links/' + encodeURIComponent(form.dataset.linkId) + '/complete';
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, fullName }),
    });
    const answer = await response.json();
    outcome.textContent = response.ok
      ? 'Completed: ' + answer.status + ' as ' + answer.document_data[0].full_name
      : 'Not completed: ' + answer.message;
  } catch (error) {
    outcome.textContent = 'Not completed: ' + error.message;
  }
});
`;

/** The Content-Security-Policy of the hosted page: its own inline CSS and script, same-origin fetches. */
const PAGE_CSP =
  `default-src 'none'; style-src 'unsafe-inline'; connect-src 'self'; ` +
  `script-src 'sha256-${crypto.createHash('sha256').update(SCRIPT).digest('base64')}'; form-action 'none'`;

function completionForm(link) {
  const buttons = VERIFICATION_STATUSES.map(
    (status) => `<button type="submit" name="status" value="${status}">Complete as ${status}</button>`,
  ).join('\n');
  return `<form id="complete" data-link-id="${escapeHtml(link.linkId)}">
<input name="fullName" placeholder="Full name (default: Jane Sandbox)" maxlength="200" aria-label="Full name">
${buttons}
</form>
<div id="outcome" role="status"></div>
<script>${SCRIPT}</script>`;
}

function page(title, content) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>FACEKI sandbox</h1>
<p class="note">A local stand-in for FACEKI's hosted verification page. No verification happens here:
the buttons below stand in for a person completing it.</p>
${content}
</main>
</body>
</html>
`;
}

/** @param {object} link a record from sandbox.links */
function renderLinkPage(link, now = Date.now()) {
  const expired = now >= link.expiresAt;
  const state = expired
    ? '<div class="state expired">This link has expired</div>'
    : '<div class="state active">This link is active</div>';
  const expiryTime = link.expiryTime === null ? 'not set (sandbox default: 7 days)' : `${link.expiryTime} minutes`;
  const rows = [
    ['Link ID', link.linkId],
    ['Workflow ID', link.workflowId],
    ['Application ID', link.applicationId ?? 'not set'],
    ['Expiry time', expiryTime],
    ['Expires at', new Date(link.expiresAt).toISOString()],
    ['Redirect URL', link.redirectUrl ?? 'not set'],
  ];
  const list = rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n');
  const form = expired ? '' : `\n${completionForm(link)}`;
  const title = expired ? 'Link expired - FACEKI sandbox' : 'KYC link - FACEKI sandbox';
  return page(title, `${state}\n<dl>\n${list}\n</dl>${form}`);
}

function renderUnknownLinkPage() {
  return page('Link not found - FACEKI sandbox', '<div class="state missing">This link does not exist</div>');
}

module.exports = { PAGE_CSP, renderLinkPage, renderUnknownLinkPage };
