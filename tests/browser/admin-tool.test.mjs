// The admin tool (web/) in Chromium, the way operations staff use it: one link with live
// validation, copy and QR; an API error; a bulk CSV with a bad row (nothing sent), then a good one and
// its results download.
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

describe('the admin tool', () => {
  let tool;
  let browser;
  let page;
  const consoleLines = [];

  const shoot = (name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
    tool = await startAdminTool();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tool.url });
    page = await context.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await tool?.close();
  });

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
    assert.match(await page.textContent('#expiryTime-error'), /^Expiry must be an integer number of minutes between 1 and 525600/);
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
    await page.setInputFiles('#bulk-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_BULK_CSV) });
    await page.click('#bulk-start');
    await page.waitForSelector('#bulk-problems');
    const problems = await page.$$eval('#bulk-problems tbody tr', (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].slice(0, 2), ['4', 'expiryTime']);
    assert.match(await page.textContent('#bulk-body'), /nothing was sent/);
    assert.equal(await page.locator('#bulk-start').count(), 0);
    assert.equal(tool.sandbox.stats().linkRequests, before);
    await page.click('text=Choose another file');
  });

  test('runs a bulk CSV, one link per applicationId, and downloads the results in the CLI\'s columns', async () => {
    await page.setInputFiles('#bulk-file', { name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(BULK_CSV) });
    await page.click('#bulk-start');
    await page.waitForSelector('#bulk-summary');
    assert.match(await page.textContent('#bulk-summary'), /4\s*created\s*0\s*failed\s*0\s*uncertain/);
    assert.match(await page.textContent('#bulk-summary'), /1 repeated applicationId merged/);
    await shoot('admin-bulk-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
    assert.match(download.suggestedFilename(), /^kyc-links-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(lines[0], 'applicationId,expiryTime,redirectUrl,note,linkId,url,expiresAt,status,errorCode,errorMessage');
    assert.equal(lines.length, 5);
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), ['campaign-001', 'campaign-002', 'campaign-003', 'campaign-004']);
    assert.ok(lines.slice(1).every((line) => line.includes(',created,')));
    // The formula cells from the file are written as text.
    assert.match(lines[1], /,"'=HYPERLINK\(""https:\/\/evil\.test""\)",/);
    assert.match(lines[4], /,'@SUM\(1\),/);
  });

  test('keeps its history in sessionStorage only, and clears it', async () => {
    assert.equal(await page.locator('#history tbody tr').count(), 5);
    const storage = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
    assert.deepEqual(storage, { session: 1, local: 0 });
    await page.click('#history-clear');
    assert.equal(await page.locator('#history tbody tr').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });

  test('never logs a token or a link URL to the console', () => {
    const leaks = consoleLines.filter((line) => /eyJ|\/kycverify\//.test(line));
    assert.deepEqual(leaks, []);
  });
});
