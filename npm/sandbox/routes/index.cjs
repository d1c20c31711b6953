'use strict';
// The route table: which path goes to which handler, with which methods.

const { handleGenerateToken, handleAccessToken } = require('./token.cjs');
const { handleCreateLink } = require('./link.cjs');
const { handleHostedPage } = require('./page.cjs');
const { handleReadRecords, handleComplete, handleUpdateAml, handleUpdateStatus } = require('./records.cjs');
const { handleQueueFaults, handleReadRequests, handleReadStats } = require('./control.cjs');

const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
const PAGE_PATH = /^\/kycverify\/([^/]+)$/;
const RECORDS_PATH = '/kycverify/api/kycverify/records';
const COMPLETE_PATH = /^\/__sandbox\/links\/([^/]+)\/complete$/;
const STATUS_PATH = /^\/__sandbox\/records\/([^/]+)\/status$/;
const AML_PATH = /^\/__sandbox\/records\/([^/]+)\/aml$/;

/**
 * `name` is what the request log records ('token' | 'link' | 'records' | 'page'), or 'control' for the
 * sandbox's own endpoints. A disabled token endpoint does not exist at all: it answers 404 as a server
 * without that route does (see isDisabledPath), so clients can test their fallback to the other one.
 */
function createRoutes(endpoints) {
  return [
    {
      name: 'token',
      path: '/auth/api/generate-token',
      methods: ['POST'],
      enabled: endpoints.generateToken,
      handle: handleGenerateToken,
    },
    {
      name: 'token',
      path: '/auth/api/access-token',
      methods: ['GET'],
      enabled: endpoints.accessToken,
      handle: handleAccessToken,
    },
    { name: 'link', path: LINK_PATH, methods: ['POST'], enabled: true, handle: handleCreateLink },
    { name: 'records', path: RECORDS_PATH, methods: ['GET'], enabled: true, handle: handleReadRecords },
    { name: 'page', pattern: PAGE_PATH, param: 'linkId', methods: ['GET'], enabled: true, handle: handleHostedPage },
    { name: 'control', path: '/__sandbox/faults', methods: ['POST'], enabled: true, handle: handleQueueFaults },
    {
      name: 'control',
      pattern: COMPLETE_PATH,
      param: 'linkId',
      methods: ['POST'],
      enabled: true,
      handle: handleComplete,
    },
    {
      name: 'control',
      pattern: STATUS_PATH,
      param: 'requestId',
      methods: ['POST'],
      enabled: true,
      handle: handleUpdateStatus,
    },
    {
      name: 'control',
      pattern: AML_PATH,
      param: 'requestId',
      methods: ['POST'],
      enabled: true,
      handle: handleUpdateAml,
    },
    { name: 'control', path: '/__sandbox/requests', methods: ['GET'], enabled: true, handle: handleReadRequests },
    { name: 'control', path: '/__sandbox/stats', methods: ['GET'], enabled: true, handle: handleReadStats },
  ];
}

/** @returns {{ route: object, params: object } | null} */
function matchRoute(routes, pathname) {
  for (const route of routes) {
    if (!route.enabled) continue;
    if (route.path === pathname) return { route, params: {} };
    const match = route.pattern?.exec(pathname);
    if (match) return { route, params: { [route.param]: match[1] } };
  }
  return null;
}

/**
 * Whether pathname is a disabled endpoint's. Its 404 is plain text, not FACEKI's JSON: a client in
 * auto mode falls back to the other token endpoint only on a 404/405 that FACEKI did not write.
 */
function isDisabledPath(routes, pathname) {
  return routes.some((route) => !route.enabled && route.path === pathname);
}

module.exports = { createRoutes, matchRoute, isDisabledPath };
