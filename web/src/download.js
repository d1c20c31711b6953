// Files the user downloads, made in the browser: nothing leaves it.

function save(url, fileName) {
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(fileName, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCanvas(canvas, fileName) {
  save(canvas.toDataURL('image/png'), fileName);
}

/** "kyc-links-2026-11-27-1437.csv" */
export function timestampedName(prefix, extension, now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${prefix}-${stamp}.${extension}`;
}
