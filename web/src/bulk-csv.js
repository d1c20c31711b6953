// The bulk CSV in and out: rows to link requests, results to a CSV a spreadsheet opens safely.

import Papa from 'papaparse';

import { toLinkRequest } from './link-request.js';

export const MAX_ROWS = 10_000;
export const TEMPLATE_CSV = 'applicationId,expiryTime,redirectUrl\ncustomer-0001,1440,https://example.com/verified\ncustomer-0002,,\n';

// Header spellings people use, normalised (lower case, no spaces, dashes or underscores).
const COLUMNS = {
  applicationid: 'applicationId',
  expirytime: 'expiryTime',
  expiry: 'expiryTime',
  expiryminutes: 'expiryTime',
  redirecturl: 'redirectUrl',
  redirect: 'redirectUrl',
};

/**
 * @param {File | string} source
 * @returns {Promise<{ rows: { line: number, values: object }[], ignoredColumns: string[] }>}
 *   `line` is the spreadsheet row number (the header is line 1)
 */
export function readLinkRows(source) {
  return new Promise((resolve, reject) => {
    Papa.parse(source, {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (header) => COLUMNS[header.toLowerCase().replace(/[\s_-]/g, '')] ?? header.trim(),
      complete: ({ data, meta }) => {
        const columns = meta.fields ?? [];
        if (!columns.includes('applicationId')) return reject(new Error('The file needs an applicationId column (see the template).'));
        if (data.length === 0) return reject(new Error('The file has a header but no rows.'));
        if (data.length > MAX_ROWS) return reject(new Error(`The file has ${data.length} rows; at most ${MAX_ROWS} at a time.`));
        resolve({
          rows: data.map((values, index) => ({ line: index + 2, values })),
          ignoredColumns: columns.filter((column) => !Object.values(COLUMNS).includes(column)),
        });
      },
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    });
  });
}

/** A row's request, with the workflow ID from the form. An empty applicationId is kept so the rules flag it. */
export function rowRequest(workflowId, values) {
  const request = toLinkRequest({ workflowId, ...pickStrings(values) });
  if (request.applicationId === undefined) request.applicationId = '';
  return request;
}

function pickStrings({ applicationId = '', expiryTime = '', redirectUrl = '' }) {
  return { applicationId, expiryTime, redirectUrl };
}

/**
 * @param {{ line: number, applicationId: string, link?: { linkId: string, url: string, expiresAt: number | null },
 *           error?: { code: string, message: string } }[]} results
 */
export function resultsCsv(results) {
  const rows = results.map(({ line, applicationId, link, error }) => ({
    line,
    applicationId: spreadsheetSafe(applicationId),
    status: link ? 'created' : 'failed',
    linkId: link?.linkId ?? '',
    url: link?.url ?? '',
    expiresAt: link?.expiresAt ? new Date(link.expiresAt).toISOString() : '',
    errorCode: error?.code ?? '',
    error: spreadsheetSafe(error?.message ?? ''),
  }));
  return Papa.unparse(rows, { columns: ['line', 'applicationId', 'status', 'linkId', 'url', 'expiresAt', 'errorCode', 'error'] });
}

// Text from an uploaded file must not run as a formula when the results open in a spreadsheet.
function spreadsheetSafe(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
