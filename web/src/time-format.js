// Minutes and expiry times, the way people read them.

const UNITS = [
  ['day', 24 * 60],
  ['hour', 60],
  ['minute', 1],
];

/** 150 -> "2 hours 30 minutes"; the two largest units only. */
export function humanizeMinutes(minutes) {
  const parts = [];
  let rest = minutes;
  for (const [name, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
  }
  return parts.join(' ');
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** @param {number | string} time ms since the epoch, or ISO text */
export function formatDateTime(time) {
  return dateTime.format(new Date(time));
}
