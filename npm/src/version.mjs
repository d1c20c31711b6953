// The package's version, for the User-Agent. tests/js/transport-rules.test.mjs checks it against package.json.
export const VERSION = '0.1.0';
