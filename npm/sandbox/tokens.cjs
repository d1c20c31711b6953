'use strict';
// Mints and checks the sandbox's bearer tokens: real HS256 JWTs, so clients can read `exp`
// exactly as they would from FACEKI's tokens.

const crypto = require('node:crypto');

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ENCODED_HEADER = encodeSegment({ alg: 'HS256', typ: 'JWT' });

function encodeSegment(value) {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * @param {{ staticTokens: Set<string> }} options tokens that are always accepted as they are
 */
function createTokenAuthority({ staticTokens }) {
  // A fresh key per sandbox: tokens from another sandbox (or a restarted one) are "unknown".
  const signingKey = crypto.randomBytes(32);
  const sign = (data) => crypto.createHmac('sha256', signingKey).update(data).digest('base64url');

  function issue({ subject, lifetimeSeconds }) {
    const iat = Math.floor(Date.now() / 1000);
    const payload = encodeSegment({ sub: subject, iat, exp: iat + lifetimeSeconds, jti: crypto.randomUUID() });
    const unsigned = `${ENCODED_HEADER}.${payload}`;
    return `${unsigned}.${sign(unsigned)}`;
  }

  /** @returns {'valid' | 'malformed' | 'unknown' | 'expired'} */
  function check(token) {
    if (staticTokens.has(token)) return 'valid';
    if (!JWT_SHAPE.test(token)) return 'malformed';
    const [header, payload, signature] = token.split('.');
    if (!sameText(signature, sign(`${header}.${payload}`))) return 'unknown';
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return Date.now() >= exp * 1000 ? 'expired' : 'valid';
  }

  return { issue, check };
}

function sameText(a, b) {
  const bufferA = Buffer.from(a);
  const bufferB = Buffer.from(b);
  return bufferA.length === bufferB.length && crypto.timingSafeEqual(bufferA, bufferB);
}

module.exports = { createTokenAuthority };
