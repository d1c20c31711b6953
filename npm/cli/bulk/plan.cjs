'use strict';
// From input records to the requests to send: every row built and validated by the C++ rules, repeated
// applicationIds set aside, and rows an earlier run already finished skipped.

const { numberOrText } = require('../link-values.cjs');
const { ID_COLUMN } = require('./columns.cjs');

/** An empty cell means "not given", so the flag's value applies. */
function cell(row, column) {
  const value = row[column];
  return value === undefined || value === '' ? undefined : value;
}

function requestFor(row, defaults) {
  return {
    workflowId: cell(row, 'workflowId') ?? defaults.workflowId,
    applicationId: row[ID_COLUMN],
    expiryTime: numberOrText(cell(row, 'expiryTime') ?? defaults.expiryTime),
    redirectUrl: cell(row, 'redirectUrl') ?? defaults.redirectUrl,
  };
}

const FLAG_FOR_FIELD = { workflowId: '--workflow-id', expiryTime: '--expiry-minutes', redirectUrl: '--redirect-url' };

/** What is wrong with the flags' defaults, checked once rather than reported again on every row. */
function defaultsProblems(defaults, validate) {
  const issues = validate(requestFor({ [ID_COLUMN]: 'any' }, defaults));
  return issues
    .filter((issue) => defaults[issue.field] !== undefined)
    .map((issue) => `${FLAG_FOR_FIELD[issue.field]}: ${issue.message}`);
}

/**
 * @param {object} input
 * @param {{ line: number, fields: string[] }[]} input.records
 * @param {string[]} input.columns
 * @param {{ workflowId?: string, expiryTime?: string, redirectUrl?: string }} input.defaults
 * @param {(request: object) => { field: string, message: string }[]} input.validate
 * @param {Set<string>} input.finishedIds applicationIds with status ok in the output of an earlier run
 */
function planRows({ records, columns, defaults, validate, finishedIds }) {
  const jobs = [];
  const invalid = [];
  const duplicates = [];
  let finished = 0;
  const firstLineById = new Map();
  for (const { line, fields } of records) {
    const row = Object.fromEntries(columns.map((name, index) => [name, fields[index]]));
    const request = requestFor(row, defaults);
    const issues = validate(request);
    if (issues.length > 0) {
      invalid.push({ line, issues });
      continue;
    }
    const id = request.applicationId;
    if (firstLineById.has(id)) {
      duplicates.push({ line, applicationId: id, firstLine: firstLineById.get(id) });
      continue;
    }
    firstLineById.set(id, line);
    if (finishedIds.has(id)) finished++;
    else jobs.push({ line, fields, request });
  }
  return { jobs, invalid, duplicates, finished };
}

module.exports = { planRows, defaultsProblems };
