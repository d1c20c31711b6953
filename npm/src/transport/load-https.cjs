'use strict';
// node:https (tls, crypto: milliseconds to load) on the first https request rather than at import.
// require() is synchronous, as XMLHttpRequest's send() must be; CommonJS, so the ESM transport needs no
// createRequire(import.meta.url), which a CommonJS bundle has no value for.
exports.loadHttps = () => require('node:https');
