/**
 * What the language server and its clients agree on beyond the standard protocol: command ids,
 * the Exceptions view's request, and the shape of its items. No imports, so the VS Code client can
 * use it without pulling in the server.
 */

export const Commands = {
  /** Scan every file of the workspace folders and publish their diagnostics (with progress, cancellable). */
  scanWorkspace: 'ehi-lint.scanWorkspace',
  /** Open a rule's documentation page; argument: the rule id (asks when absent). */
  showRuleDocumentation: 'ehi-lint.showRuleDocumentation',
  /** Open the exception register of a workspace folder, creating it when absent; argument: the folder URI (optional). */
  openExceptionRegister: 'ehi-lint.openExceptionRegister',
} as const;

/** Request `ehiLint/listExceptions`: every documented exception in the workspace (scans it first if it was never scanned). */
export const ListExceptionsRequest = 'ehiLint/listExceptions';

/** Notification `ehiLint/exceptionsChanged`: the list may have changed; clients showing it ask again. */
export const ExceptionsChangedNotification = 'ehiLint/exceptionsChanged';

export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ExceptionItem {
  /** The documented file (for a register entry: the file it names). */
  uri: string;
  /** Path relative to its workspace folder. */
  path: string;
  exception: string;
  title?: string;
  ruleIds: string[];
  owner?: string;
  reviewBy?: string;
  reason?: string;
  status: 'valid' | 'invalid' | 'incomplete' | 'expired';
  problems: string[];
  form: 'block' | 'inline' | 'register';
  range: { start: ProtocolPosition; end: ProtocolPosition };
}

export interface ScanSummary {
  files: number;
  findings: number;
  documented: number;
  cancelled: boolean;
}
