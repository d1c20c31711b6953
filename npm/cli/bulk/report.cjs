'use strict';
// The text bulk prints about rows: problems found before sending, the summary after, and the rows
// whose outcome is unknown. Row values and server text pass through terminalSafe on their way out.

const { terminalSafe } = require('../terminal-safe.cjs');

const MAX_LISTED = 20;

const quoted = (text) => `"${terminalSafe(text)}"`;

function invalidRowLines(inPath, invalid) {
  return invalid.flatMap(({ line, issues }) =>
    issues.map((issue) => `${inPath} line ${line}: ${issue.field}: ${terminalSafe(issue.message)}`),
  );
}

function duplicateLines(inPath, duplicates) {
  return duplicates.map(
    ({ line, applicationId, firstLine }) =>
      `${inPath} line ${line}: applicationId ${quoted(applicationId)} repeats line ${firstLine}; it gets one link`,
  );
}

function earlierParts(plan) {
  const parts = [];
  if (plan.created.length > 0) parts.push(`${plan.created.length} already created in an earlier run`);
  if (plan.uncertain.length > 0) parts.push(`${plan.uncertain.length} uncertain from an earlier run, not sent again`);
  if (plan.duplicates.length > 0) parts.push(`${plan.duplicates.length} duplicate row(s) merged`);
  return parts;
}

function checkSummary(inPath, recordCount, plan) {
  const verdict = plan.invalid.length === 0 ? 'all rows valid' : `${plan.invalid.length} bad row(s)`;
  const parts = [`${recordCount} row(s)`, verdict, ...earlierParts(plan), `${plan.jobs.length} to send`];
  return `${inPath}: ${parts.join(', ')}; nothing was sent`;
}

function runSummary({ outPath, plan, result, seconds }) {
  const sent = result.created + result.failed + result.uncertain;
  const rate = seconds > 0 ? Math.round(sent / seconds) : sent;
  const parts = [`${result.created} created`, `${result.failed} failed`, `${result.uncertain} uncertain`];
  parts.push(...earlierParts(plan));
  if (result.notStarted > 0) parts.push(`${result.notStarted} not started`);
  const pace = `${sent} row(s) sent in ${seconds.toFixed(1)} s (${rate} rows/s)`;
  return `summary: ${parts.join(', ')}; ${pace}; results in ${outPath}`;
}

/**
 * The rows that may have a link already, and what to do about them; [] when there are none.
 * @param {{ line: number, applicationId: string, errorCode?: string }[]} rows
 */
function uncertainLines(outPath, rows) {
  if (rows.length === 0) return [];
  const listed = rows.slice(0, MAX_LISTED).map(({ line, applicationId, errorCode }) => {
    const why = errorCode ? ` (${terminalSafe(errorCode)})` : ' (in flight when the run stopped)';
    return `  line ${line}: applicationId ${quoted(applicationId)}${why}`;
  });
  if (rows.length > MAX_LISTED)
    listed.push(`  ... and ${rows.length - MAX_LISTED} more: status uncertain in ${outPath}`);
  return [
    `uncertain: ${rows.length} row(s) may already have a link; they are not sent again:`,
    ...listed,
    'check each in the FACEKI portal (search by applicationId) before sending it again;',
    'to send them anyway (a person may then get a second link), run the same command with --resend-uncertain',
  ];
}

function resumeHint(outPath) {
  return (
    `to resume, run the same command again: rows created in ${outPath} are skipped, failed ones are sent ` +
    'again, and rows that were in flight are marked uncertain, not sent'
  );
}

module.exports = {
  invalidRowLines,
  duplicateLines,
  checkSummary,
  runSummary,
  uncertainLines,
  resumeHint,
  terminalSafe,
};
