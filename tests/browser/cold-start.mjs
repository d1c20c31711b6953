#!/usr/bin/env node
// Cold start in Chromium: from navigation start to the first ready client (WebAssembly fetched,
// compiled and instantiated), each run in a fresh browser context (empty HTTP and code cache).
// Prints one JSON object. Not a timed test: it gates nothing.
//
//   node tests/browser/cold-start.mjs [--runs 7]

import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { launchChromium } from './support/chromium.mjs';
import { servePlainPage, serveVitePage } from './support/pages.mjs';
import { repoRoot } from './support/paths.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(args.runs);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (ms) => Math.round(ms * 10) / 10;

async function measure(browser, pageUrl) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForSelector('html[data-harness="ready"]');
    samples.push(await page.evaluate(() => window.kycHarness.coldStart));
    await context.close();
  }
  const navigation = samples.map((sample) => sample.navigationToReadyMs);
  const module = samples.map((sample) => sample.moduleToReadyMs);
  return {
    navigationToReadyMs: {
      median: round(median(navigation)),
      min: round(Math.min(...navigation)),
      max: round(Math.max(...navigation)),
    },
    moduleToReadyMs: {
      median: round(median(module)),
      min: round(Math.min(...module)),
      max: round(Math.max(...module)),
    },
  };
}

const browser = await launchChromium();
const pages = {};
try {
  for (const [name, servePage] of [
    ['plainModule', servePlainPage],
    ['vite', serveVitePage],
  ]) {
    const server = await servePage("'self'");
    try {
      pages[name] = await measure(browser, server.pageUrl);
    } finally {
      await server.close();
    }
  }
  console.log(
    JSON.stringify({
      benchmark: 'browser-cold-start',
      browser: `Chromium ${browser.version()}`,
      cpu: os.cpus()[0]?.model,
      runs,
      wasmBytes: statSync(path.join(repoRoot, 'npm/dist/kyc-browser.wasm')).size,
      note: 'navigationToReadyMs: navigation start to the first createKycClient() resolved; moduleToReadyMs: from the page code starting (all JS loaded) to that point, i.e. the .wasm fetched, compiled and instantiated',
      pages,
    }),
  );
} finally {
  await browser.close();
}
