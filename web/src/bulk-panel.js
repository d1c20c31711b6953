// Bulk: a CSV in, every row checked before anything is sent, one link per applicationId with bounded
// concurrency and a progress bar, results CSV out, the rows that did not get a link listed with why.

import { runRows, STATUS } from 'faceki-kyc-link/bulk';

import { planFile, readBulkFile, resultsCsv, TEMPLATE_CSV } from './bulk-csv.js';
import { bulkStatusCheck } from './bulk-status-check.js';
import { el, replaceChildren } from './dom.js';
import { downloadText, timestampedName } from './download.js';
import { stat } from './stat.js';

// Enough to hide FACEKI's latency, few enough to stay clear of its rate limits.
const CONCURRENCY = 4;

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * @param {HTMLElement} card
 * @param {{ client: import('faceki-kyc-link').KycClient, workflow(): { workflowId?: string, error?: string },
 *           book: object, onBatch(run: { fileName: string, links: object[] }): void }} deps
 *   book: the page's status book (status-book.js), for checking the statuses of a finished run
 */
export function setUpBulkPanel(card, { client, workflow, book, onBatch }) {
  const body = card.querySelector('#bulk-body');
  card
    .querySelector('#bulk-template')
    .addEventListener('click', () => downloadText('kyc-links-template.csv', TEMPLATE_CSV));

  function showPicker(problem) {
    const input = el('input', { type: 'file', accept: '.csv,text/csv', id: 'bulk-file', className: 'visually-hidden' });
    input.addEventListener('change', () => input.files[0] && openFile(input.files[0]));
    const zone = el(
      'label',
      { className: 'dropzone', for: 'bulk-file' },
      input,
      el('span', { className: 'dropzone-icon', 'aria-hidden': 'true' }),
      el('span', { className: 'dropzone-title' }, 'Choose a CSV file'),
      el('span', { className: 'muted' }, 'or drop it here · up to 10,000 rows'),
    );
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      const file = event.dataTransfer.files[0];
      if (file) openFile(file);
    });
    replaceChildren(body, problem && el('p', { className: 'notice error-notice', role: 'alert' }, problem), zone);
  }

  async function openFile(file) {
    try {
      showReady(file.name, await readBulkFile(file));
    } catch (error) {
      showPicker(error.message);
    }
  }

  function showReady(fileName, parsed, problem, invalid = []) {
    const rowCount = parsed.records.length;
    const start = el(
      'button',
      { type: 'button', className: 'button primary', id: 'bulk-start' },
      `Generate ${plural(rowCount, 'link')}`,
    );
    start.addEventListener('click', async () => {
      const { workflowId, error } = workflow();
      if (error) return showReady(fileName, parsed, `Enter a valid workflow ID in the form above first. ${error}`);
      const plan = await planFile(parsed, workflowId);
      if (plan.invalid.length > 0) {
        const rows = plural(plan.invalid.length, 'row');
        const text = `${rows} break the rules below; nothing was sent. Fix the file and choose it again.`;
        return showReady(fileName, parsed, text, plan.invalid);
      }
      run(fileName, parsed, plan);
    });
    const extra = parsed.header.filter(
      (column) => !['applicationId', 'workflowId', 'expiryTime', 'redirectUrl'].includes(column),
    );
    replaceChildren(
      body,
      problem && el('p', { className: 'notice error-notice', role: 'alert' }, problem),
      invalid.length > 0 && problemTable(invalid),
      el(
        'div',
        { className: 'file-summary' },
        el('span', { className: 'file-icon', 'aria-hidden': 'true' }),
        el(
          'div',
          {},
          el('strong', {}, fileName),
          el(
            'p',
            { className: 'muted' },
            plural(rowCount, 'row'),
            extra.length ? ` · copied to the results: ${extra.join(', ')}` : '',
          ),
        ),
        el(
          'div',
          { className: 'file-actions' },
          el(
            'button',
            { type: 'button', className: 'button ghost', onclick: () => showPicker() },
            'Choose another file',
          ),
          invalid.length === 0 && start,
        ),
      ),
    );
  }

  async function run(fileName, parsed, plan) {
    const controller = new AbortController();
    const total = plan.jobs.length;
    const results = new Map(); // by line, so the download keeps the input's order
    let done = 0;
    let failed = 0;

    const bar = el('div', { className: 'progress-bar' });
    const track = el(
      'div',
      {
        className: 'progress',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': total,
        'aria-valuenow': 0,
        'aria-label': 'Bulk progress',
      },
      bar,
    );
    const counter = el('p', { className: 'progress-text', id: 'bulk-progress-text' });
    const update = () => {
      bar.style.width = `${(100 * done) / total}%`;
      track.setAttribute('aria-valuenow', String(done));
      counter.textContent = `${done} of ${total} done${failed ? ` · ${failed} without a link` : ''}`;
    };
    update();
    replaceChildren(
      body,
      el(
        'div',
        { className: 'progress-head' },
        el('strong', {}, `Generating links from ${fileName}`),
        el('button', { type: 'button', className: 'button ghost small', onclick: () => controller.abort() }, 'Cancel'),
      ),
      track,
      counter,
    );

    const summary = await runRows({
      client,
      jobs: plan.jobs,
      concurrency: CONCURRENCY,
      stop: controller.signal,
      abandon: controller.signal,
      onResult(job, result) {
        results.set(job.line, { job, result, createdAt: Date.now() });
        done++;
        if (result.status !== STATUS.CREATED) failed++;
        update();
      },
    });

    const rows = plan.jobs.filter((job) => results.has(job.line)).map((job) => results.get(job.line));
    onBatch({ fileName, links: rows.filter(({ result }) => result.status === STATUS.CREATED).map(historyEntry) });
    showDone(fileName, parsed.header, plan, rows, summary, controller.signal.aborted);
  }

  function showDone(fileName, header, plan, rows, summary, cancelled) {
    const unfinished = rows.filter(({ result }) => result.status !== STATUS.CREATED);
    const notes = [`${plural(rows.length, 'row')} sent`];
    if (plan.duplicates.length) notes.push(`${plural(plan.duplicates.length, 'repeated applicationId')} merged`);
    if (summary.notStarted) notes.push(`${summary.notStarted} not started`);
    const linkIds = rows.filter(({ result }) => result.status === STATUS.CREATED).map(({ result }) => result.linkId);
    const check = linkIds.length > 0 && bulkStatusCheck(linkIds, { book });
    const download = () =>
      downloadText(
        timestampedName('kyc-links', 'csv'),
        resultsCsv(
          header,
          rows.map(({ job, result }) => ({ fields: job.fields, result })),
          check?.checked ? book.get : undefined,
        ),
      );
    replaceChildren(
      body,
      el(
        'div',
        { className: 'bulk-summary', id: 'bulk-summary' },
        stat(summary.created, 'created', 'stat good'),
        stat(summary.failed, 'failed', summary.failed ? 'stat bad' : 'stat'),
        stat(summary.uncertain, 'uncertain', summary.uncertain ? 'stat bad' : 'stat'),
        el(
          'div',
          { className: 'summary-text' },
          el('strong', {}, cancelled ? 'Cancelled' : 'Done'),
          el('p', { className: 'muted' }, `${fileName} · ${notes.join(' · ')}`),
        ),
        el(
          'div',
          { className: 'file-actions' },
          el('button', { type: 'button', className: 'button ghost', onclick: () => showPicker() }, 'New file'),
          el(
            'button',
            { type: 'button', className: 'button primary', id: 'bulk-download', onclick: download },
            'Download results CSV',
          ),
        ),
      ),
      summary.uncertain > 0 &&
        el(
          'p',
          { className: 'notice error-notice', role: 'alert' },
          'Uncertain rows may already have a link: FACEKI gave no clear answer. ' +
            'Check them in the FACEKI portal before sending them again.',
        ),
      check?.node,
      unfinished.length > 0 && failureTable(unfinished),
    );
  }

  showPicker();
}

function historyEntry({ job, result, createdAt }) {
  const { workflowId, applicationId } = job.request;
  return {
    linkId: result.linkId,
    url: result.url,
    workflowId,
    applicationId,
    createdAt,
    expiresAt: result.expiresAt || null,
  };
}

function table(id, headings, rows) {
  return el(
    'div',
    { className: 'table-wrap failures' },
    el(
      'table',
      { id },
      el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...rows.map((cells) =>
          el('tr', {}, ...cells.map((cell, index) => el('td', index === 0 ? { className: 'nowrap' } : {}, cell))),
        ),
      ),
    ),
  );
}

function problemTable(invalid) {
  const rows = invalid.flatMap(({ line, issues }) => issues.map((issue) => [String(line), issue.field, issue.message]));
  return table('bulk-problems', ['Line', 'Field', 'Problem'], rows);
}

function failureTable(rows) {
  return table(
    'bulk-failures',
    ['Line', 'Application ID', 'Status', 'Reason'],
    rows.map(({ job, result }) => [
      String(job.line),
      job.request.applicationId,
      result.status,
      el('span', {}, el('span', { className: 'chip' }, result.errorCode), ' ', result.errorMessage),
    ]),
  );
}
