// From CSV cells to a link request (the package's rules judge it: see plan.mjs).

import { ID_COLUMN } from './columns.mjs';

export { expiresAt } from '../src/expires-at.mjs';
// Plain decimal text only ("60", "1.5", "-1"): "0x10", "1e3" or "Infinity" go to the rules as text,
// to be reported, rather than being read as numbers nobody typed.
const DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** A number when the text is a plain decimal; anything else as it is, for the rules to judge. */
export function numberOrText(text) {
  return typeof text === 'string' && DECIMAL.test(text.trim()) ? Number(text.trim()) : text;
}

/** An empty cell means "not given", so the default applies. */
function cell(row, column) {
  const value = row[column];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * @param {Record<string, string>} row cells by column name
 * @param {{ workflowId?: string, expiryTime?: string, redirectUrl?: string }} defaults as text
 */
export function requestFor(row, defaults) {
  const request = {
    workflowId: cell(row, 'workflowId') ?? defaults.workflowId,
    applicationId: row[ID_COLUMN] ?? '',
    expiryTime: numberOrText(cell(row, 'expiryTime') ?? defaults.expiryTime),
    redirectUrl: cell(row, 'redirectUrl') ?? defaults.redirectUrl,
  };
  for (const key of Object.keys(request)) if (request[key] === undefined) delete request[key];
  return request;
}
