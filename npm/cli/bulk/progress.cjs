'use strict';
// Progress on stderr: a bar on a terminal; otherwise (a log, a pipe) one plain line every few seconds.
// Counts only: no row data, so no link URL, ever reaches it.

const cliProgress = require('cli-progress');

const PLAIN_INTERVAL_MS = 5000;
// The outcomes counted, in the order shown; bulk's by default.
const BULK_LABELS = ['created', 'failed', 'uncertain'];

const barFormat = (labels) => {
  const counts = labels.map((label) => `${label} {${label}}`).join(' | ');
  return `{bar} {value}/{total} | ${counts} | {rate} rows/s | ETA {eta_formatted}`;
};
const noRows = (labels) => Object.fromEntries(labels.map((label) => [label, 0]));

function rateAndEta(counts, total, startedAt, now) {
  const finished = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = finished / seconds;
  const eta = rate > 0 ? Math.ceil((total - finished) / rate) : null;
  return { finished, rate: Math.round(rate), eta };
}

function barProgress(stream, total, labels) {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: barFormat(labels),
      hideCursor: true,
      etaBuffer: 100,
    },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = Date.now();
  bar.start(total, 0, { ...noRows(labels), rate: 0 });
  return {
    update(counts) {
      const { finished, rate } = rateAndEta(counts, total, startedAt, Date.now());
      bar.update(finished, { ...counts, rate });
    },
    stop: () => bar.stop(),
  };
}

function plainProgress(stream, total, intervalMs, labels) {
  const startedAt = Date.now();
  let latest = noRows(labels);
  const timer = setInterval(() => {
    const { finished, rate, eta } = rateAndEta(latest, total, startedAt, Date.now());
    const etaText = eta === null ? '' : `, ETA ${eta}s`;
    const rows = labels.map((label) => `${latest[label]} ${label}`).join(', ');
    stream.write(`progress: ${finished}/${total} rows (${rows}), ${rate} rows/s${etaText}\n`);
  }, intervalMs);
  timer.unref();
  return {
    update(counts) {
      latest = { ...counts };
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * `labels`: the outcomes counted (default bulk's: created, failed, uncertain); `update` takes a count for each.
 * @returns {{ update(counts: Record<string, number>): void, stop(): void }}
 */
function startProgress(stream, total, { intervalMs = PLAIN_INTERVAL_MS, labels = BULK_LABELS } = {}) {
  return stream.isTTY ? barProgress(stream, total, labels) : plainProgress(stream, total, intervalMs, labels);
}

module.exports = { startProgress };
