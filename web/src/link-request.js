// Form values <-> the package's request object, and its validation issues <-> form fields.

const FIELD_LABELS = {
  workflowId: 'Workflow ID',
  applicationId: 'Application ID',
  expiryTime: 'Expiry',
  redirectUrl: 'Redirect URL',
};

/**
 * Empty optional fields are left out. The expiry goes in as typed (a number when it reads as one)
 * so that the package's own rules judge it.
 * @param {{ workflowId: string, applicationId?: string, expiryTime?: string, redirectUrl?: string }} values
 */
export function toLinkRequest({ workflowId, applicationId = '', expiryTime = '', redirectUrl = '' }) {
  const request = { workflowId: workflowId.trim() };
  if (applicationId.trim() !== '') request.applicationId = applicationId.trim();
  if (expiryTime.trim() !== '') request.expiryTime = Number(expiryTime.trim());
  if (redirectUrl.trim() !== '') request.redirectUrl = redirectUrl.trim();
  return request;
}

/** The form field an issue belongs to (the package reports the wire alias redirect_url too). */
export function issueField(issue) {
  return issue.field === 'redirect_url' ? 'redirectUrl' : issue.field;
}

/** "expiryTime must be ..." -> "Expiry must be ..." (the core words the rest for people already) */
export function issueText(issue) {
  const label = FIELD_LABELS[issueField(issue)];
  const { field, message } = issue;
  return label && message.startsWith(field) ? label + message.slice(field.length) : message;
}
