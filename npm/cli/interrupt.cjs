'use strict';
// Ctrl-C (or SIGTERM) in stages. The first aborts `stop`: a command stops starting work (generate
// aborts its one request). The second aborts `abandon`: work in flight is given up. The third leaves
// at once, for a command that does not get out of the way.

const { EXIT } = require('./exit-codes.cjs');

const SIGNALS = ['SIGINT', 'SIGTERM'];

function listenForInterrupts(proc) {
  const stop = new AbortController();
  const abandon = new AbortController();
  const onInterrupt = () => {
    if (!stop.signal.aborted) stop.abort();
    else if (!abandon.signal.aborted) abandon.abort();
    else proc.exit(EXIT.INTERRUPTED);
  };
  for (const name of SIGNALS) proc.on(name, onInterrupt);
  const release = () => {
    for (const name of SIGNALS) proc.off(name, onInterrupt);
  };
  return { signal: stop.signal, abandonSignal: abandon.signal, release };
}

module.exports = { listenForInterrupts };
