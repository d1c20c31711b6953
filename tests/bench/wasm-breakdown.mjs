// Where the bytes of a .wasm go: code size per function, grouped by library, from the name section.
// Needs a build linked with --profiling-funcs (names kept); size-experiments.sh makes one.
//   node wasm-breakdown.mjs <file.wasm> [top=15]
// Prints one JSON object.

import { readFileSync } from 'node:fs';

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function sections(bytes) {
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    found.push({ id, start, end: start + size });
    at = start + size;
  }
  return found;
}

function functionNames(bytes, section) {
  let [nameLength, at] = readLeb(bytes, section.start);
  at += nameLength; // "name"
  const names = new Map();
  while (at < section.end) {
    const kind = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        let index;
        let length;
        [index, p] = readLeb(bytes, p);
        [length, p] = readLeb(bytes, p);
        names.set(index, Buffer.from(bytes.subarray(p, p + length)).toString('utf8'));
        p += length;
      }
    }
    at = start + size;
  }
  return names;
}

function importedFunctionCount(bytes, section) {
  let [count, at] = readLeb(bytes, section.start);
  let functions = 0;
  for (let i = 0; i < count; i++) {
    for (let s = 0; s < 2; s++) {
      const [length, next] = readLeb(bytes, at);
      at = next + length; // module, field
    }
    const kind = bytes[at++];
    if (kind === 0) {
      functions++;
      [, at] = readLeb(bytes, at);
    } else if (kind === 1) {
      at += 1;
      const flags = bytes[at++];
      [, at] = readLeb(bytes, at);
      if (flags & 1) [, at] = readLeb(bytes, at);
    } else if (kind === 2) {
      const flags = bytes[at++];
      [, at] = readLeb(bytes, at);
      if (flags & 1) [, at] = readLeb(bytes, at);
    } else {
      at += 2; // global: type, mutability
    }
  }
  return functions;
}

const GROUPS = [
  ['nlohmann (JSON)', /nlohmann/],
  ['embind', /emscripten::|embind|_embind_|__getTypeName|EmscriptenBindingInitializer/],
  ['kyc core + wasm layer', /kyc::/],
  ['std::function / containers / strings', /std::/],
  ['malloc', /malloc|free|sbrk|dlmalloc|emmalloc/],
  ['libc / libc++abi / other', /./],
];

export function breakdown(bytes, top = 15) {
  const all = sections(bytes);
  const custom = all.find(
    (s) => s.id === 0 && Buffer.from(bytes.subarray(s.start + 1, s.start + 5)).toString() === 'name',
  );
  const names = custom ? functionNames(bytes, custom) : new Map();
  const imports = all.find((s) => s.id === 2);
  const firstDefined = imports ? importedFunctionCount(bytes, imports) : 0;
  const code = all.find((s) => s.id === 10);
  let [count, at] = readLeb(bytes, code.start);
  const functions = [];
  for (let i = 0; i < count; i++) {
    const [size, start] = readLeb(bytes, at);
    functions.push({ name: names.get(firstDefined + i) ?? `function ${firstDefined + i}`, bytes: size });
    at = start + size;
  }
  const groups = Object.fromEntries(GROUPS.map(([group]) => [group, { bytes: 0, functions: 0 }]));
  for (const fn of functions) {
    const [group] = GROUPS.find(([, pattern]) => pattern.test(fn.name));
    groups[group].bytes += fn.bytes;
    groups[group].functions++;
  }
  const sectionBytes = {};
  for (const s of all) sectionBytes[s.id] = (sectionBytes[s.id] ?? 0) + (s.end - s.start);
  return {
    fileBytes: bytes.length,
    codeBytes: code.end - code.start,
    dataBytes: sectionBytes[11] ?? 0,
    namesFound: names.size,
    groups,
    largest: functions.sort((a, b) => b.bytes - a.bytes).slice(0, top),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(breakdown(readFileSync(process.argv[2]), Number(process.argv[3] ?? 15)), null, 1));
}
