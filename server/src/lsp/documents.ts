/**
 * The language server's view of an open document: its latest analysis, and what its fixes may
 * write to. Shared by the linter, which keeps these, and the code actions, which read them.
 */
import type { DetailedAnalysis } from '../core/engine';
import type { LineIndex } from '../core/text';
import type { ServerSettings } from './settings';

/** The latest analysis of an open document, for hover, completion and code actions. */
export interface DocumentState {
  uri: string;
  path: string;
  version: number;
  lines: LineIndex;
  detail: DetailedAnalysis;
  settings: ServerSettings;
  registerPath: string;
  now: Date;
}

/** The workspace folder's exception register, as the fixes that write to it see it. */
export interface RegisterView {
  path: string;
  uri: string;
  /** Undefined when the register does not exist yet. */
  text: string | undefined;
  /** The open document's version, or null when it is read from disk. */
  version: number | null;
}

/** An open document's latest analysis, with the register its fixes may write to. */
export interface ActionDocument extends Omit<DocumentState, 'registerPath'> {
  register?: RegisterView;
}
