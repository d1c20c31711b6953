// From parsed records to the rows to send: every row built and checked by the package's rules before
// anything is sent, repeated applicationIds merged into one link, and rows an earlier run settled skipped.
// The rules come in as `validate`, the package's validateKycLinkRequest: the engine itself loads no wasm
// and picks no runtime build, so it stays the same module in Node and in a browser.

import { ID_COLUMN, STATUS } from './columns.mjs';
import { requestFor } from './request.mjs';

/** `validate` itself, checked: a caller still passing `client` (the engine's first form) is told why. */
function rules(validate, caller) {
  if (typeof validate === 'function') return validate;
  throw new TypeError(`${caller}: validate must be a function: pass the package's validateKycLinkRequest`);
}

/**
 * What is wrong with the defaults themselves (a form's or flags' values), checked once rather than
 * reported again on every row: resolves to [{ field, message }] for the fields a default was given for.
 * @param {(request: object) => Promise<object[]> | object[]} validate the package's validateKycLinkRequest
 */
export async function defaultsProblems(defaults, validate) {
  const issues = await rules(validate, 'defaultsProblems')(requestFor({ [ID_COLUMN]: 'any' }, defaults));
  return issues.filter((issue) => defaults[issue.field] !== undefined);
}

/**
 * @param {object} input
 * @param {string[]} input.header
 * @param {{ line: number, fields: string[] }[]} input.records
 * @param {{ workflowId?: string, expiryTime?: string, redirectUrl?: string }} [input.defaults]
 * @param {(request: object) => Promise<{ field: string, message: string }[]> | { field: string, message: string }[]}
 *   input.validate the package's rules: its validateKycLinkRequest, which needs no client
 * @param {Map<string, string>} [input.previous] status by applicationId from an earlier run
 * @param {boolean} [input.resendUncertain] send rows whose earlier outcome is unknown again
 * @returns {Promise<{ jobs: { line: number, fields: string[], request: object }[],
 *             invalid: { line: number, issues: { field: string, message: string }[] }[],
 *             duplicates: { line: number, applicationId: string, firstLine: number }[],
 *             created: { line: number, applicationId: string }[],
 *             uncertain: { line: number, applicationId: string }[] }>}
 *   `created` and `uncertain` list the rows skipped because of the earlier run
 */
export async function planRows(input) {
  const { header, records, defaults = {}, previous = new Map(), resendUncertain = false } = input;
  const validate = rules(input.validate, 'planRows');
  const plan = { jobs: [], invalid: [], duplicates: [], created: [], uncertain: [] };
  const firstLineById = new Map();
  for (const { line, fields } of records) {
    const row = Object.fromEntries(header.map((name, index) => [name, fields[index]]));
    const request = requestFor(row, defaults);
    const issues = await validate(request);
    if (issues.length > 0) {
      plan.invalid.push({ line, issues });
      continue;
    }
    const id = request.applicationId;
    if (firstLineById.has(id)) {
      plan.duplicates.push({ line, applicationId: id, firstLine: firstLineById.get(id) });
      continue;
    }
    firstLineById.set(id, line);
    const before = previous.get(id);
    if (before === STATUS.CREATED) plan.created.push({ line, applicationId: id });
    else if (before === STATUS.UNCERTAIN && !resendUncertain) plan.uncertain.push({ line, applicationId: id });
    else plan.jobs.push({ line, fields, request });
  }
  return plan;
}
