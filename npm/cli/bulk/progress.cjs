'use strict';
// Progress on stderr: a bar on a terminal; otherwise (a log, a pipe) one plain line every few seconds.
// Counts only: no row data, so no link URL, ever reaches it.

const cliProgress = require('cli-progress');

const PLAIN_INTERVAL_MS = 5000;

function rateAndEta(counts, total, startedAt, now) {
  const finished = counts.ok + counts.failed;
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = finished / seconds;
  const eta = rate > 0 ? Math.ceil((total - finished) / rate) : null;
  return { finished, rate: Math.round(rate), eta };
}

function barProgress(stream, total) {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} | ok {ok} | failed {failed} | {rate} rows/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 100,
    },
    cliProgress.Presets.shades_classic
  );
  const startedAt = Date.now();
  bar.start(total, 0, { ok: 0, failed: 0, rate: 0 });
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
  let latest = { ok: 0, failed: 0 };
  const timer = setInterval(() => {
    const { finished, rate, eta } = rateAndEta(latest, total, startedAt, Date.now());
    const etaText = eta === null ? '' : `, ETA ${eta}s`;
    stream.write(`progress: ${finished}/${total} rows (${latest.ok} ok, ${latest.failed} failed), ${rate} rows/s${etaText}\n`);
  }, intervalMs);
  timer.unref();
  return {
    update(counts) {
      latest = { ...counts };
    },
    stop: () => clearInterval(timer),
  };
}

/** @returns {{ update(counts: { ok: number, failed: number }): void, stop(): void }} */
function startProgress(stream, total, { intervalMs = PLAIN_INTERVAL_MS } = {}) {
  return stream.isTTY ? barProgress(stream, total) : plainProgress(stream, total, intervalMs);
}

module.exports = { startProgress };
