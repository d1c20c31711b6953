'use strict';
// The HTML the sandbox serves at a link's URL, standing in for FACEKI's hosted KYC page.
// Self-contained (inline CSS, no external assets) and every value is HTML-escaped.

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
  dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
`;

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
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
<p class="note">A local stand-in for FACEKI's hosted verification page. No verification happens here.</p>
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
  return page(expired ? 'Link expired - FACEKI sandbox' : 'KYC link - FACEKI sandbox', `${state}\n<dl>\n${list}\n</dl>`);
}

function renderUnknownLinkPage() {
  return page('Link not found - FACEKI sandbox', '<div class="state missing">This link does not exist</div>');
}

module.exports = { renderLinkPage, renderUnknownLinkPage };
