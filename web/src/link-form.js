// The single-link form: validated as the user types by the package's own rules (client.validate),
// messages next to the fields once a field has been touched, and one generate call at a time.

import { expiresAt } from 'faceki-kyc-link/bulk';

import { issueField, issueText, toLinkRequest } from './link-request.js';
import { formatDateTime, humanizeMinutes } from './time-format.js';

const FIELDS = ['workflowId', 'applicationId', 'expiryTime', 'redirectUrl'];

/**
 * @param {HTMLFormElement} form
 * @param {{ validate(request: object): { field: string, message: string }[],
 *           generate(request: object, signal: AbortSignal): Promise<void> }} actions
 */
export function setUpLinkForm(form, { validate, generate }) {
  const submitButton = form.querySelector('#generate');
  const cancelButton = form.querySelector('#cancel');
  const expiryHint = form.querySelector('#expiryTime-hint');
  const defaultExpiryHint = expiryHint.textContent;
  const touched = new Set();
  let running = null; // AbortController of the call in flight

  const values = () => Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value]));
  const request = () => toLinkRequest(values());

  function showIssues(issues, fields = FIELDS) {
    const byField = new Map();
    for (const issue of issues) {
      const field = issueField(issue);
      if (!byField.has(field)) byField.set(field, issueText(issue));
    }
    for (const field of fields) {
      const message = byField.get(field) ?? '';
      form.querySelector(`#${field}-error`).textContent = message;
      form.querySelector(`[data-field="${field}"]`).classList.toggle('invalid', message !== '');
      form.elements[field].setAttribute('aria-invalid', String(message !== ''));
    }
  }

  function updateExpiryHint() {
    const minutes = request().expiryTime;
    // The package's own rule decides (its limit lives in the C++ core), not a copy of it here.
    const valid = Number.isInteger(minutes) && !validate(request()).some((item) => issueField(item) === 'expiryTime');
    expiryHint.textContent = valid
      ? `${humanizeMinutes(minutes)} · until ${formatDateTime(expiresAt(minutes))}`
      : defaultExpiryHint;
  }

  function validateTouched() {
    showIssues(validate(request()), [...touched]);
    updateExpiryHint();
  }

  form.addEventListener('input', (event) => {
    if (!FIELDS.includes(event.target.name)) return;
    touched.add(event.target.name);
    validateTouched();
  });
  form.addEventListener('focusout', (event) => {
    // Leaving an untouched required field empty counts as touching it.
    if (event.target.name === 'workflowId') touched.add('workflowId');
    if (FIELDS.includes(event.target.name)) validateTouched();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (running) return;
    for (const field of FIELDS) touched.add(field);
    const linkRequest = request();
    const issues = validate(linkRequest);
    showIssues(issues);
    if (issues.length > 0) {
      form.elements[issueField(issues[0])]?.focus();
      return;
    }
    running = new AbortController();
    setBusy(true);
    try {
      await generate(linkRequest, running.signal);
    } finally {
      running = null;
      setBusy(false);
    }
  });
  cancelButton.addEventListener('click', () => running?.abort());

  function setBusy(busy) {
    submitButton.disabled = busy;
    submitButton.classList.toggle('busy', busy);
    submitButton.textContent = busy ? 'Generating…' : 'Generate link';
    cancelButton.hidden = !busy;
  }

  submitButton.disabled = false;
  updateExpiryHint();
  return {
    showIssues,
    /** { workflowId } as the package would send it, or { error } saying why it is not valid (also shown at the field). */
    workflow() {
      const workflowRequest = { workflowId: form.elements.workflowId.value.trim() };
      const issue = validate(workflowRequest)[0];
      touched.add('workflowId');
      validateTouched();
      return issue ? { error: issueText(issue) } : { workflowId: workflowRequest.workflowId };
    },
  };
}
