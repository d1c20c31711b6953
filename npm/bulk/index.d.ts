// Types of faceki-kyc-link/bulk (bulk/index.mjs).
import type { KycClient, KycLinkRequest, ValidationIssue } from '../index.js';

export declare const ID_COLUMN: 'applicationId';
export declare const OVERRIDE_COLUMNS: readonly ['workflowId', 'expiryTime', 'redirectUrl'];
export declare const RESULT_COLUMNS: readonly ['linkId', 'url', 'expiresAt', 'status', 'errorCode', 'errorMessage'];
/** Appended by a status check; verificationStatus is ACCEPTED, DECLINED, REVIEW, UNKNOWN or PENDING. */
export declare const STATUS_CHECK_COLUMNS: readonly [
  'verificationStatus',
  'fullName',
  'requestId',
  'checkedAt',
  'lookupErrorCode',
  'lookupErrorMessage',
];
export declare const STATUS: {
  readonly CREATED: 'created';
  readonly FAILED: 'failed';
  readonly UNCERTAIN: 'uncertain';
};
export type BulkStatus = (typeof STATUS)[keyof typeof STATUS];

/** A problem with the CSV itself; the message reads after a file name ("users.csv has no ..."). */
export declare class BulkInputError extends Error {
  readonly name: 'BulkInputError';
}

export interface CsvRecord {
  /** The line the record starts on; the header is line 1. */
  line: number;
  fields: string[];
}

export interface BulkDefaults {
  workflowId?: string;
  expiryTime?: string;
  redirectUrl?: string;
}

export interface BulkJob {
  line: number;
  fields: string[];
  request: KycLinkRequest;
}

export interface BulkResult {
  status: BulkStatus;
  linkId: string;
  url: string;
  /** ISO time, or '' for FACEKI's default lifetime or a row without a link. */
  expiresAt: string;
  errorCode: string;
  errorMessage: string;
}

export interface BulkPlan {
  jobs: BulkJob[];
  invalid: { line: number; issues: ValidationIssue[] }[];
  duplicates: { line: number; applicationId: string; firstLine: number }[];
  /** Rows skipped because an earlier run created their link. */
  created: { line: number; applicationId: string }[];
  /** Rows skipped because an earlier run's outcome for them is unknown. */
  uncertain: { line: number; applicationId: string }[];
}

export interface BulkRunSummary {
  created: number;
  failed: number;
  uncertain: number;
  notStarted: number;
  authFailure: Error | null;
  haltError: Error | null;
}

export declare function checkColumns(header: string[]): void;
export declare function outputColumns(header: string[]): string[];
export declare function parseCsv(text: string): { header: string[]; records: CsvRecord[] };
export declare function parseOwnCsv(text: string): { header: string[]; records: CsvRecord[] };
export declare function toCsv(rows: readonly (readonly string[])[]): string;
export declare function spreadsheetSafe(cell: string): string;
export declare function numberOrText(text: string | undefined): number | string | undefined;
export declare function expiresAt(expiryTime: number | undefined, now?: number): string | null;
/**
 * The package's rules for one link request: pass the package's `validateKycLinkRequest` (no client
 * needed). The engine loads no wasm itself, so it is the same module in every runtime.
 */
export type RequestValidator = (request: unknown) => Promise<ValidationIssue[]> | ValidationIssue[];
/** What is wrong with the defaults themselves: the issues of the fields a default was given for. */
export declare function defaultsProblems(
  defaults: BulkDefaults,
  validate: RequestValidator,
): Promise<ValidationIssue[]>;
/** Every row checked by `validate` before anything is sent, repeated applicationIds merged. */
export declare function planRows(input: {
  header: string[];
  records: CsvRecord[];
  defaults?: BulkDefaults;
  validate: RequestValidator;
  previous?: Map<string, string>;
  resendUncertain?: boolean;
}): Promise<BulkPlan>;
export declare function resultFields(fields: string[], result: Partial<BulkResult>): string[];
export declare function resultOf(outputFields: string[], inputWidth: number): BulkResult;
export declare function runRows(input: {
  client: Pick<KycClient, 'generateKycLink'>;
  jobs: BulkJob[];
  concurrency: number;
  stop?: AbortSignal;
  abandon?: AbortSignal;
  beforeSend?: (job: BulkJob) => Promise<void> | void;
  onResult?: (job: BulkJob, result: BulkResult) => void;
}): Promise<BulkRunSummary>;
