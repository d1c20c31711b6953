// Keeps `concurrency` calls in flight for a while and measures the client process: completed calls,
// latency percentiles, CPU per call. A warm-up phase (JIT, connection pool) is run and not counted.

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * @param {() => Promise<unknown>} call one link request
 * @returns {Promise<{ completed, failures, firstFailure, seconds, latenciesMs: Float64Array, cpuUs }>}
 */
export async function runClosedLoop(call, { concurrency, warmupMs, durationMs }) {
  let phase = 'warmup';
  let completed = 0;
  let failures = 0;
  let firstFailure;
  let latencies = new Float64Array(1 << 16);

  async function worker() {
    while (phase !== 'stopped') {
      const started = performance.now();
      const counted = phase === 'measure';
      try {
        await call();
        if (counted && phase === 'measure') {
          if (completed === latencies.length) {
            const grown = new Float64Array(latencies.length * 2);
            grown.set(latencies);
            latencies = grown;
          }
          latencies[completed++] = performance.now() - started;
        }
      } catch (error) {
        failures++;
        firstFailure ??= `${error?.code ?? error?.name}: ${error?.message}`;
      }
    }
  }

  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((resolve) => setTimeout(resolve, warmupMs));
  // Only calls started after this point count, so the window is not padded by warm-up calls.
  phase = 'measure';
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  phase = 'stopped';
  await Promise.allSettled(workers);

  return {
    completed,
    failures,
    firstFailure,
    seconds,
    latenciesMs: latencies.subarray(0, completed).sort(),
    cpuUs: cpu.user + cpu.system,
  };
}
