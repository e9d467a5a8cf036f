/** The result of a scan as every format sees it. */
import type { FileAnalysis } from '../../core/engine';
import type { Rule } from '../../core/rule';

export interface Report {
  /** Absolute folder that report paths are relative to. */
  root: string;
  files: FileAnalysis[];
  skipped: { path: string; reason: string }[];
  rules: readonly Rule[];
  summary: {
    files: number;
    lines: number;
    errors: number;
    warnings: number;
    infos: number;
    documented: number;
    /** Files with a notice: unreadable, binary, too large, syntax errors. */
    unanalysed: number;
  };
}

export function summarise(files: FileAnalysis[], filesAnalysed: number, lines: number): Report['summary'] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let documented = 0;
  let unanalysed = 0;
  for (const f of files) {
    for (const finding of f.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else infos++;
    }
    documented += f.suppressed.length;
    if (f.notices.length > 0) unanalysed++;
  }
  return { files: filesAnalysed, lines, errors, warnings, infos, documented, unanalysed };
}
