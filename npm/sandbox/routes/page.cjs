'use strict';
// GET /kycverify/<linkId>: the hosted page of a link the sandbox issued.

const { PAGE_CSP, renderLinkPage, renderUnknownLinkPage } = require('../hosted-page.cjs');

function handleHostedPage({ state, params, reply }) {
  const link = state.links.find((candidate) => candidate.linkId === params.linkId);
  if (!link) return reply.html(404, renderUnknownLinkPage());
  reply.html(200, renderLinkPage(link), PAGE_CSP);
}

module.exports = { handleHostedPage };
