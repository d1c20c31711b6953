// A FACEKI-shaped server that answers every call with the same bytes, so what a benchmark measures is
// the client. Run as its own process; prints {"url": ...} on stdout once listening.
//   node fixed-server.mjs [port=0]

import http from 'node:http';

import { LINK_PATH, TOKEN_PATHS } from './wire.mjs';

const json = (value) => Buffer.from(JSON.stringify(value));
const LINK_BODY = json({
  responseCode: 0,
  data: 'bench-link-0001',
  url: 'https://kycverify.faceki.com/kycverify/bench-link-0001',
});
const TOKEN_BODY = json({ responseCode: 0, data: { access_token: 'bench-token', expires_in: 3600 } });
const NOT_FOUND_BODY = json({ status: false, message: 'not found', statusCode: 404 });

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}

const server = http.createServer((req, res) => {
  req.resume(); // read (and drop) the request body before answering, like a real server
  req.on('end', () => {
    const path = req.url.split('?', 1)[0];
    if (req.method === 'POST' && path === LINK_PATH) return answer(res, 200, LINK_BODY);
    if (TOKEN_PATHS.includes(path)) return answer(res, 200, TOKEN_BODY);
    answer(res, 404, NOT_FOUND_BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.maxRequestsPerSocket = 0;

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
