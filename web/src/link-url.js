// Whether a link URL from FACEKI may become a clickable href. The core already refuses other answers;
// this is the page's own check, so a `javascript:` or plain-http URL can never be one click away.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** true for an absolute https URL without credentials (http only for loopback, as the core allows). */
export function isOpenableUrl(text) {
  // The URL parser would silently drop tabs and line breaks; such text is no link of FACEKI's.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) return false;
  let url;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}
