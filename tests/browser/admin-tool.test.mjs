// The admin tool (web/) in Chromium, the way operations staff use it: one link with live
// validation, copy and QR; an API error; a bulk CSV with a bad row (nothing sent), then a good one and
// its results download; each link's status (refresh, auto-refresh only while the tab is visible, a
// bulk run's status check); the layout with 200 links and on a phone.
// Screenshots land in test-artifacts/screenshots/.

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startAdminTool } from './support/admin-tool.mjs';
import { launchChromium } from './support/chromium.mjs';
import { screenshotDir } from './support/paths.mjs';
import { readQrFromCanvas } from './support/qr.mjs';

const BAD_BULK_CSV = [
  'applicationId,expiryTime,redirectUrl',
  'campaign-001,1440,https://example.com/welcome',
  'campaign-002,,',
  'campaign-003,0,https://example.com/welcome', // expiry 0: the bad row (line 4)
].join('\n');

// Five rows, four people (campaign-002 repeats), an extra column, and a cell that is a formula.
const BULK_CSV = [
  'applicationId,expiryTime,redirectUrl,note',
  'campaign-001,1440,https://example.com/welcome,"=HYPERLINK(""https://evil.test"")"',
  'campaign-002,,,second',
  'campaign-003,60,https://example.com/welcome,',
  'campaign-002,,,repeated',
  'campaign-004,,,@SUM(1)',
].join('\n');

const RECORDS_PATH = '/kycverify/api/kycverify/records';

let tool;
let browser;
const consoleLines = []; // of every page below; the last test reads them

before(async () => {
  await mkdir(screenshotDir, { recursive: true });
  tool = await startAdminTool();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await tool?.close();
});

// One page open at a time: a second one would be a background tab, whose timers Chromium throttles.
async function openPage(contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  return page;
}

const screenshot = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe('the admin tool', () => {
  let page;
  const shoot = (name) => screenshot(page, name);

  before(async () => {
    page = await openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tool.url });
  });

  after(() => page?.context().close());

  test('loads under its strict CSP and becomes ready', async () => {
    const response = await page.goto(tool.url);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    await page.waitForSelector('#client-status[data-state="ready"]');
    assert.equal(await page.inputValue('#workflowId'), 'sandbox-workflow');
    await shoot('admin-empty');
  });

  test('validates live as the user types, with the package rules', async () => {
    await page.fill('#expiryTime', '0');
    await page.waitForSelector('#expiryTime-error:not(:empty)');
    assert.match(
      await page.textContent('#expiryTime-error'),
      /^Expiry must be an integer number of minutes between 1 and 525600/,
    );
    await page.fill('#redirectUrl', 'ftp://example.com');
    assert.match(await page.textContent('#redirectUrl-error'), /^Redirect URL must use https/);
    assert.equal(await page.isDisabled('#generate'), false);
    await shoot('admin-validation');

    await page.fill('#expiryTime', '120');
    assert.equal(await page.textContent('#expiryTime-error'), '');
    assert.match(await page.textContent('#expiryTime-hint'), /^2 hours · until /);
  });

  test('generates a link: ID, URL, copy button and QR code', async () => {
    await page.fill('#applicationId', 'customer-42');
    await page.fill('#redirectUrl', 'https://example.com/verified');
    await page.click('#generate');
    await page.waitForSelector('#result[data-state="link"]');

    const issued = tool.sandbox.links.at(-1);
    assert.equal(issued.applicationId, 'customer-42');
    assert.equal(issued.expiryTime, 120);
    const url = await page.inputValue('#link-url');
    assert.equal(url, `${tool.sandbox.url}/kycverify/${issued.linkId}`);
    assert.equal(await page.textContent('#link-id'), issued.linkId);
    assert.equal(await readQrFromCanvas(page, '#link-qr'), url);

    await page.click('#copy-url');
    await page.waitForSelector('#copy-url[data-state="copied"]');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await shoot('admin-result');
  });

  test('shows a FACEKI API error with its reason', async () => {
    await page.fill('#workflowId', 'no-such-workflow');
    await page.click('#generate');
    await page.waitForSelector('#result[data-state="error"]');
    assert.equal(await page.getAttribute('.error-panel', 'data-code'), 'API_ERROR');
    assert.match(await page.textContent('#result'), /FACEKI 5001 WORKFLOW_NOT_FOUND/);
    await shoot('admin-error');
    await page.fill('#workflowId', 'sandbox-workflow');
  });

  test('a bulk CSV with a bad row sends nothing and lists the row', async () => {
    const before = tool.sandbox.stats().linkRequests;
    await page.setInputFiles('#bulk-file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_BULK_CSV),
    });
    await page.click('#bulk-start');
    await page.waitForSelector('#bulk-problems');
    const problems = await page.$$eval('#bulk-problems tbody tr', (rows) =>
      rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
    );
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].slice(0, 2), ['4', 'expiryTime']);
    assert.match(await page.textContent('#bulk-body'), /nothing was sent/);
    assert.equal(await page.locator('#bulk-start').count(), 0);
    assert.equal(tool.sandbox.stats().linkRequests, before);
    await page.click('text=Choose another file');
  });

  test("runs a bulk CSV, one link per applicationId, and downloads the results in the CLI's columns", async () => {
    await page.setInputFiles('#bulk-file', {
      name: 'campaign.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BULK_CSV),
    });
    await page.click('#bulk-start');
    await page.waitForSelector('#bulk-summary');
    assert.match(await page.textContent('#bulk-summary'), /4\s*created\s*0\s*failed\s*0\s*uncertain/);
    assert.match(await page.textContent('#bulk-summary'), /1 repeated applicationId merged/);
    await shoot('admin-bulk-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
    assert.match(download.suggestedFilename(), /^kyc-links-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      'applicationId,expiryTime,redirectUrl,note,linkId,url,expiresAt,status,errorCode,errorMessage',
    );
    assert.equal(lines.length, 5);
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',')[0]),
      ['campaign-001', 'campaign-002', 'campaign-003', 'campaign-004'],
    );
    assert.ok(lines.slice(1).every((line) => line.includes(',created,')));
    // The formula cells from the file are written as text.
    assert.match(lines[1], /,"'=HYPERLINK\(""https:\/\/evil\.test""\)",/);
    assert.match(lines[4], /,'@SUM\(1\),/);
  });

  test('keeps its history in sessionStorage only, a bulk run as one entry, and clears it', async () => {
    // The single link, then the bulk run folded into one row.
    assert.equal(await page.locator('#history tbody tr').count(), 2);
    assert.match(await page.textContent('#history .batch-row'), /campaign\.csv · bulk · 4 links/);
    const storage = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
    assert.deepEqual(storage, { session: 1, local: 0 });
    await page.click('#history-clear');
    assert.equal(await page.locator('#history tbody tr').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });
});

/** How many records lookups the sandbox has had for one link. */
function lookupsOf(linkId) {
  return tool.sandbox.requests.filter(
    ({ method, path: target }) =>
      method === 'GET' &&
      target.startsWith(RECORDS_PATH) &&
      new URL(target, tool.sandbox.url).searchParams.get('link') === linkId,
  ).length;
}

/** Completes a link's verification through the sandbox's control route, as the hosted page's buttons do. */
async function completeLink(linkId, status, fullName) {
  const response = await fetch(`${tool.sandbox.url}/__sandbox/links/${encodeURIComponent(linkId)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status, fullName }),
  });
  assert.equal(response.status, 200, await response.text());
}

/** Generate with the form; resolves to the new link's ID once the result card shows it. */
async function generate(page, applicationId) {
  const previous = await page.evaluate(() => document.querySelector('#link-id')?.textContent ?? null);
  await page.fill('#applicationId', applicationId);
  await page.click('#generate');
  await page.waitForFunction((before) => {
    const id = document.querySelector('#result[data-state="link"] #link-id')?.textContent;
    return id && id !== before;
  }, previous);
  return page.textContent('#link-id');
}

/** The Page Visibility API as a backgrounded tab reports it, then the event the page listens for. */
function setVisibility(page, state) {
  return page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const statusCell = (page, linkId) => page.locator(`#history tr[data-link-id="${linkId}"] .status-cell`);

async function runBulk(page, name, csv) {
  await page.setInputFiles('#bulk-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('#bulk-start');
  await page.waitForSelector('#bulk-summary');
}

describe('link statuses in the admin tool', () => {
  let page; // never moves its clock: the bulk check and the error test count lookups on it
  const settled = (linkId, state) => `#history tr[data-link-id="${linkId}"] .status-cell[data-status="${state}"]`;
  // Until no lookup is running on `on`: one that a clock jump started is then in the sandbox's log.
  const lookupsEnded = (on) => on.waitForSelector('.status-cell[data-checking="true"]', { state: 'detached' });

  // A page whose timers run on a clock the test can move forward (time also flows as usual). Each
  // timing test has its own and moves it 19 s at most: a jump of 30 s or more made a timer of the wasm
  // core spin (the doubling of the pauses is tested in tests/js/admin-status-poller.test.mjs).
  async function openTimedPage() {
    const timed = await openPage();
    await timed.clock.install();
    await timed.goto(tool.url);
    await timed.waitForSelector('#client-status[data-state="ready"]');
    return timed;
  }

  before(async () => {
    page = await openPage();
    await page.goto(tool.url);
    await page.waitForSelector('#client-status[data-state="ready"]');
    await setVisibility(page, 'hidden'); // no auto-refresh on this page: each lookup is a click
  });

  after(() => page?.context().close());

  test('a new link shows Pending; after it is completed, a refresh click shows Accepted and the name', async () => {
    const linkId = await generate(page, 'status-refresh');
    const cell = statusCell(page, linkId);
    assert.equal(await cell.getAttribute('data-status'), 'pending');
    assert.equal(await cell.locator('.status-badge').textContent(), 'Pending');

    await completeLink(linkId, 'ACCEPTED', 'Ada Lovelace');
    await cell.locator('.refresh-button').click();
    await page.waitForSelector(settled(linkId, 'accepted'));
    assert.match(await cell.textContent(), /^Accepted\s*Ada Lovelace$/);
    assert.equal(lookupsOf(linkId), 1);
    await screenshot(page, 'admin-status-accepted');
  });

  test('auto-refresh updates a row without a click while the tab is visible, and stops once final', async () => {
    const timed = await openTimedPage();
    try {
      const linkId = await generate(timed, 'status-auto');
      await completeLink(linkId, 'DECLINED', 'Alan Turing');
      await timed.clock.fastForward(6_500); // past the first pause (5 s + 20% jitter)
      await timed.waitForSelector(settled(linkId, 'declined'));
      assert.match(await statusCell(timed, linkId).textContent(), /^Declined\s*Alan Turing$/);
      assert.equal(lookupsOf(linkId), 1);

      await timed.clock.fastForward(12_500); // past the second pause: a pending row would be looked up again
      await lookupsEnded(timed);
      assert.equal(lookupsOf(linkId), 1);
    } finally {
      await timed.context().close();
    }
  });

  test('no lookups while the tab is hidden; one as soon as it is visible again', async () => {
    const timed = await openTimedPage();
    try {
      const linkId = await generate(timed, 'status-hidden');
      await setVisibility(timed, 'hidden');
      await timed.clock.fastForward(12_500); // past the first pause, twice over
      await lookupsEnded(timed);
      assert.equal(lookupsOf(linkId), 0);

      await completeLink(linkId, 'ACCEPTED', 'Grace Hopper');
      await setVisibility(timed, 'visible');
      await timed.waitForSelector(settled(linkId, 'accepted'));
      assert.equal(lookupsOf(linkId), 1);
    } finally {
      await timed.context().close();
    }
  });

  test('"Check statuses" on a finished bulk run counts each state, and its CSV has the statuses', async () => {
    const csv = ['applicationId', 'check-1', 'check-2', 'check-3', 'check-4', 'check-5'].join('\n');
    await runBulk(page, 'check.csv', csv);
    const made = tool.sandbox.links.slice(-5);
    assert.deepEqual(made.map((link) => link.applicationId).sort(), csv.split('\n').slice(1));
    const byId = Object.fromEntries(made.map((link) => [link.applicationId, link.linkId]));
    await completeLink(byId['check-2'], 'ACCEPTED', 'Ada Lovelace');
    await completeLink(byId['check-4'], 'DECLINED', 'Alan Turing');

    await page.click('#bulk-check');
    await page.waitForSelector('.status-check[data-state="checked"]');
    const stats = await page.$$eval('#bulk-statuses .stat', (nodes) =>
      Object.fromEntries(
        nodes.map((node) => [node.dataset.state, Number(node.querySelector('.stat-value').textContent)]),
      ),
    );
    assert.deepEqual(stats, { accepted: 1, declined: 1, review: 0, submitted: 0, pending: 3, failed: 0 });
    for (const linkId of made.map((link) => link.linkId)) assert.equal(lookupsOf(linkId), 1);
    // The run's entry in the history counts the same.
    assert.match(await page.textContent('#history .batch-row .batch-summary'), /1 accepted\s*1 declined\s*3 pending/);
    await screenshot(page, 'admin-bulk-statuses');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      'applicationId,linkId,url,expiresAt,status,errorCode,errorMessage,' +
        'verificationStatus,fullName,requestId,checkedAt,lookupErrorCode,lookupErrorMessage',
    );
    const statusOf = (id) =>
      lines
        .find((line) => line.startsWith(`${id},`))
        .split(',')
        .slice(7, 9);
    assert.deepEqual(statusOf('check-1'), ['PENDING', '']);
    assert.deepEqual(statusOf('check-2'), ['ACCEPTED', 'Ada Lovelace']);
    assert.deepEqual(statusOf('check-4'), ['DECLINED', 'Alan Turing']);
  });

  test('a failed lookup shows the error text on its row, never the URL or a token', async () => {
    const linkId = await generate(page, 'status-error');
    tool.sandbox.failNext([{ route: 'records', status: 400 }]);
    await statusCell(page, linkId).locator('.refresh-button').click();
    await page.waitForSelector(`#history tr[data-link-id="${linkId}"] .status-cell[data-error]`);
    const cell = statusCell(page, linkId);
    assert.equal(await cell.getAttribute('data-error'), 'HTTP_ERROR');
    assert.match(await cell.textContent(), /^Pending\s*FACEKI answered with an error$/);
    assert.doesNotMatch(await cell.innerHTML(), /eyJ|\/kycverify\/|https?:/);
    await screenshot(page, 'admin-status-error');
  });
});

describe('the admin tool layout', () => {
  test('a 200-link bulk run is one entry: the page stays short; an opened run shows 10 links at a time', async () => {
    const page = await openPage();
    await page.goto(tool.url);
    await page.waitForSelector('#client-status[data-state="ready"]');
    const csv = ['applicationId', ...Array.from({ length: 200 }, (_, i) => `wave-${String(i + 1).padStart(3, '0')}`)];
    await runBulk(page, 'wave.csv', csv.join('\n'));
    assert.match(await page.textContent('#bulk-summary'), /200\s*created/);
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok((await height()) < 3000, `page height ${await height()} px`);
    assert.equal(await page.locator('#history tbody tr').count(), 1);
    await screenshot(page, 'admin-bulk-200');

    await page.click('#history .batch-toggle');
    assert.equal(await page.locator('#history tr.batch-child[data-link-id]').count(), 10);
    await page.click('#history .more-row button');
    assert.equal(await page.locator('#history tr.batch-child[data-link-id]').count(), 20);
    assert.ok((await height()) < 3000, `page height ${await height()} px with 20 links open`);
    await screenshot(page, 'admin-bulk-200-open');
    await page.click('#history .batch-toggle');
    assert.equal(await page.locator('#history tr.batch-child').count(), 0);
    await page.context().close();
  });

  test('on a phone the new link comes into view after Generate', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce', isMobile: true });
    await page.goto(tool.url);
    await page.waitForSelector('#client-status[data-state="ready"]');
    const inView = () =>
      page.evaluate(() => {
        const { top, bottom } = document.querySelector('#link-url, #result h2').getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      });
    assert.equal(await inView(), false, 'the result card starts below the form, off screen');
    await generate(page, 'phone-customer');
    await page.waitForFunction(() => {
      const { top, bottom } = document.querySelector('#link-url').getBoundingClientRect();
      return top >= 0 && bottom <= window.innerHeight;
    });
    await page.screenshot({ path: path.join(screenshotDir, 'admin-phone-result.png') });
    await page.context().close();
  });
});

test('never logs a token or a link URL to the console', () => {
  const leaks = consoleLines.filter((line) => /eyJ|\/kycverify\//.test(line));
  assert.deepEqual(leaks, []);
});
