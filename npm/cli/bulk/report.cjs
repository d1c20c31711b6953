'use strict';
// The text bulk prints about rows: problems found before sending, and the summary after.

function invalidRowLines(inPath, invalid) {
  return invalid.flatMap(({ line, issues }) => issues.map((issue) => `${inPath} line ${line}: ${issue.field}: ${issue.message}`));
}

function duplicateLines(inPath, duplicates) {
  return duplicates.map(
    ({ line, applicationId, firstLine }) =>
      `${inPath} line ${line}: applicationId ${JSON.stringify(applicationId)} repeats line ${firstLine}; it gets one link`
  );
}

function checkSummary(inPath, recordCount, plan) {
  const verdict = plan.invalid.length === 0 ? 'all rows valid' : `${plan.invalid.length} bad row(s)`;
  const duplicates = plan.duplicates.length > 0 ? `, ${plan.duplicates.length} duplicate applicationId row(s)` : '';
  const finished = plan.finished > 0 ? `, ${plan.finished} already ok in the output` : '';
  return `${inPath}: ${recordCount} row(s), ${verdict}${duplicates}${finished}; nothing was sent`;
}

function runSummary({ outPath, plan, result, seconds }) {
  const sent = result.ok + result.failed;
  const rate = seconds > 0 ? Math.round(sent / seconds) : sent;
  const parts = [`${result.ok} ok`, `${result.failed} failed`];
  if (plan.finished > 0) parts.push(`${plan.finished} already ok from an earlier run`);
  if (plan.duplicates.length > 0) parts.push(`${plan.duplicates.length} duplicate row(s) skipped`);
  if (result.notStarted > 0) parts.push(`${result.notStarted} not started`);
  if (result.abandoned > 0) parts.push(`${result.abandoned} abandoned in flight`);
  return `summary: ${parts.join(', ')}; ${sent} row(s) in ${seconds.toFixed(1)} s (${rate} rows/s); results in ${outPath}`;
}

function resumeHint(outPath) {
  return `to resume, run the same command again: rows with status ok in ${outPath} are skipped, the others are sent`;
}

module.exports = { invalidRowLines, duplicateLines, checkSummary, runSummary, resumeHint };
