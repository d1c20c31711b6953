'use strict';
// Progress on stderr: a bar on a terminal; otherwise (a log, a pipe) one plain line every few seconds.
// Counts only: no row data, so no link URL, ever reaches it.

const cliProgress = require('cli-progress');

const PLAIN_INTERVAL_MS = 5000;
const BAR_FORMAT =
  '{bar} {value}/{total} | created {created} | failed {failed} | uncertain {uncertain} | ' +
  '{rate} rows/s | ETA {eta_formatted}';
const NO_ROWS = { created: 0, failed: 0, uncertain: 0 };

function rateAndEta(counts, total, startedAt, now) {
  const finished = counts.created + counts.failed + counts.uncertain;
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = finished / seconds;
  const eta = rate > 0 ? Math.ceil((total - finished) / rate) : null;
  return { finished, rate: Math.round(rate), eta };
}

function barProgress(stream, total) {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: BAR_FORMAT,
      hideCursor: true,
      etaBuffer: 100,
    },
    cliProgress.Presets.shades_classic
  );
  const startedAt = Date.now();
  bar.start(total, 0, { ...NO_ROWS, rate: 0 });
  return {
    update(counts) {
      const { finished, rate } = rateAndEta(counts, total, startedAt, Date.now());
      bar.update(finished, { ...counts, rate });
    },
    stop: () => bar.stop(),
  };
}

function plainProgress(stream, total, intervalMs) {
  const startedAt = Date.now();
  let latest = NO_ROWS;
  const timer = setInterval(() => {
    const { finished, rate, eta } = rateAndEta(latest, total, startedAt, Date.now());
    const etaText = eta === null ? '' : `, ETA ${eta}s`;
    const { created, failed, uncertain } = latest;
    const rows = `${created} created, ${failed} failed, ${uncertain} uncertain`;
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

/** @returns {{ update(counts: { created: number, failed: number, uncertain: number }): void, stop(): void }} */
function startProgress(stream, total, { intervalMs = PLAIN_INTERVAL_MS } = {}) {
  return stream.isTTY ? barProgress(stream, total) : plainProgress(stream, total, intervalMs);
}

module.exports = { startProgress };
