// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by source file.
//   node profile-summary.mjs <file.cpuprofile> [top=25]
// Prints one JSON object.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export function summarizeProfile(profile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map();
  const files = new Map();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? basename(url) : '(native)';
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const share = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, percent: Math.round((1000 * us) / total) / 10 }));
  return { totalMs: Math.round(total / 1000), byFile: share(files), byFunction: share(functions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  console.log(JSON.stringify(summarizeProfile(profile, Number(process.argv[3] ?? 25)), null, 1));
}
