// Bulk: a CSV in, one link per row with bounded concurrency and a progress bar, results CSV out,
// failures listed per row with their reason.

import { readLinkRows, resultsCsv, rowRequest, TEMPLATE_CSV } from './bulk-csv.js';
import { el, replaceChildren } from './dom.js';
import { downloadText, timestampedName } from './download.js';
import { issueText } from './link-request.js';
import { runPool } from './run-pool.js';
import { expiresAt } from './time-format.js';

// Enough to hide FACEKI's latency, few enough to stay clear of its rate limits.
const CONCURRENCY = 4;

/**
 * @param {HTMLElement} card
 * @param {{ client: import('faceki-kyc-link').KycClient, workflow(): { workflowId?: string, error?: string },
 *           onLinks(links: object[]): void }} deps
 */
export function setUpBulkPanel(card, { client, workflow, onLinks }) {
  const body = card.querySelector('#bulk-body');
  card.querySelector('#bulk-template').addEventListener('click', () => downloadText('kyc-links-template.csv', TEMPLATE_CSV));

  function showPicker(problem) {
    const input = el('input', { type: 'file', accept: '.csv,text/csv', id: 'bulk-file', className: 'visually-hidden' });
    input.addEventListener('change', () => input.files[0] && openFile(input.files[0]));
    const zone = el('label', { className: 'dropzone', for: 'bulk-file' },
      input,
      el('span', { className: 'dropzone-icon', 'aria-hidden': 'true' }),
      el('span', { className: 'dropzone-title' }, 'Choose a CSV file'),
      el('span', { className: 'muted' }, 'or drop it here · up to 10,000 rows')
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
      const { rows, ignoredColumns } = await readLinkRows(file);
      showReady(file.name, rows, ignoredColumns);
    } catch (error) {
      showPicker(error.message);
    }
  }

  function showReady(fileName, rows, ignoredColumns, problem) {
    const start = el('button', { type: 'button', className: 'button primary', id: 'bulk-start' }, `Generate ${rows.length} link${rows.length === 1 ? '' : 's'}`);
    start.addEventListener('click', () => {
      const { workflowId, error } = workflow();
      if (error) return showReady(fileName, rows, ignoredColumns, `Enter a valid workflow ID in the form above first. ${error}`);
      run(fileName, rows, workflowId);
    });
    replaceChildren(
      body,
      problem && el('p', { className: 'notice error-notice', role: 'alert' }, problem),
      el('div', { className: 'file-summary' },
        el('span', { className: 'file-icon', 'aria-hidden': 'true' }),
        el('div', {},
          el('strong', {}, fileName),
          el('p', { className: 'muted' }, `${rows.length} row${rows.length === 1 ? '' : 's'}`,
            ignoredColumns.length ? ` · ignored columns: ${ignoredColumns.join(', ')}` : '')
        ),
        el('div', { className: 'file-actions' },
          el('button', { type: 'button', className: 'button ghost', onclick: () => showPicker() }, 'Choose another file'),
          start
        )
      )
    );
  }

  async function run(fileName, rows, workflowId) {
    const controller = new AbortController();
    const results = rows.map(({ line, values }) => ({ line, applicationId: values.applicationId ?? '' }));
    let done = 0;
    let failed = 0;

    const bar = el('div', { className: 'progress-bar' });
    const track = el('div', { className: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': rows.length, 'aria-valuenow': 0, 'aria-label': 'Bulk progress' }, bar);
    const counter = el('p', { className: 'progress-text', id: 'bulk-progress-text' });
    const update = () => {
      bar.style.width = `${(100 * done) / rows.length}%`;
      track.setAttribute('aria-valuenow', String(done));
      counter.textContent = `${done} of ${rows.length} done${failed ? ` · ${failed} failed` : ''}`;
    };
    update();
    replaceChildren(
      body,
      el('div', { className: 'progress-head' },
        el('strong', {}, `Generating links from ${fileName}`),
        el('button', { type: 'button', className: 'button ghost small', onclick: () => controller.abort() }, 'Cancel')
      ),
      track,
      counter
    );

    await runPool(rows, CONCURRENCY, async ({ values }, index) => {
      const result = results[index];
      const request = rowRequest(workflowId, values);
      const issues = client.validate(request);
      if (issues.length > 0) {
        result.error = { code: 'INVALID_REQUEST', message: issueText(issues[0]) };
      } else {
        const createdAt = Date.now();
        try {
          const link = await client.generateKycLink(request, { signal: controller.signal });
          result.link = { ...link, workflowId, applicationId: request.applicationId, createdAt, expiresAt: expiresAt(createdAt, request.expiryTime) };
        } catch (error) {
          result.error = { code: error.code ?? 'UNKNOWN', message: error.message };
        }
      }
      done++;
      if (result.error) failed++;
      update();
    }, controller.signal);

    for (const result of results) {
      if (!result.link && !result.error) result.error = { code: 'ABORTED', message: 'Cancelled before this row was sent' };
    }
    onLinks(results.filter((result) => result.link).map((result) => result.link));
    showDone(fileName, results, controller.signal.aborted);
  }

  function showDone(fileName, results, cancelled) {
    const failures = results.filter((result) => result.error);
    const created = results.length - failures.length;
    replaceChildren(
      body,
      el('div', { className: 'bulk-summary', id: 'bulk-summary' },
        el('div', { className: 'stat good' }, el('span', { className: 'stat-value' }, String(created)), el('span', { className: 'stat-label' }, 'created')),
        el('div', { className: failures.length ? 'stat bad' : 'stat' }, el('span', { className: 'stat-value' }, String(failures.length)), el('span', { className: 'stat-label' }, 'failed')),
        el('div', { className: 'summary-text' },
          el('strong', {}, cancelled ? 'Cancelled' : 'Done'),
          el('p', { className: 'muted' }, `${fileName} · ${results.length} rows`)
        ),
        el('div', { className: 'file-actions' },
          el('button', { type: 'button', className: 'button ghost', onclick: () => showPicker() }, 'New file'),
          el('button', { type: 'button', className: 'button primary', id: 'bulk-download', onclick: () => downloadText(timestampedName('kyc-links', 'csv'), resultsCsv(results)) }, 'Download results CSV')
        )
      ),
      failures.length > 0 && failureTable(failures)
    );
  }

  showPicker();
}

function failureTable(failures) {
  return el('div', { className: 'table-wrap failures' },
    el('table', { id: 'bulk-failures' },
      el('thead', {}, el('tr', {}, ...['Line', 'Application ID', 'Reason'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...failures.map(({ line, applicationId, error }) =>
        el('tr', {},
          el('td', { className: 'nowrap' }, String(line)),
          el('td', {}, applicationId || el('span', { className: 'muted' }, 'empty')),
          el('td', {}, el('span', { className: 'chip' }, error.code), ' ', error.message)
        )
      ))
    )
  );
}
