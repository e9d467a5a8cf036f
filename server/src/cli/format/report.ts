/** The result of a scan as every format sees it. */
import * as path from 'path';
import { relativeTo } from '../../core/discover';
import type { FileAnalysis } from '../../core/engine';
import type { Rule } from '../../core/rule';
import type { Repository } from '../repository';

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
    /** Findings hidden because the baseline records them. */
    baselined: number;
    /** Findings below error level left out by --quiet. */
    hidden?: { warnings: number; infos: number };
  };
  /** When the scan ran; `review-by` dates are judged against it. */
  now: Date;
  /** What narrowed the scan, for the compliance report. */
  scope: ReportScope;
  /** How the compliance reports link a finding to its line. */
  links: ReportLinks;
  /** What code hosts' formats (SARIF, github, gitlab) name paths relative to. */
  base: ReportBase;
}

export interface ReportBase {
  /** Absolute folder: `--base-dir`, else the repository root, else the working folder. */
  dir: string;
  /** The git repository the scan is in, when it is in one. */
  repository?: Repository;
  /** GitHub code scanning's category (`automationDetails.id` is `<category>/`). */
  category: string;
}

/** A report path (relative to `report.root`) relative to the base folder instead, with `/`. */
export function repoPath(report: Pick<Report, 'root' | 'base'>, file: string): string {
  return relativeTo(report.base.dir, path.resolve(report.root, file)) || path.basename(file);
}

export interface ReportScope {
  paths: string[];
  config?: string;
  changedSince?: string;
  baseline?: string;
  shard?: string;
}

export interface ReportLinks {
  /** `<base>/<path>#L<line>`; without it, links are relative to `from`. */
  base?: string;
  /** Absolute folder the report is read from (where `-o` writes it, or the scan root). */
  from: string;
}

export function summarise(files: FileAnalysis[], filesAnalysed: number, lines: number, baselined = 0): Report['summary'] {
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
  return { files: filesAnalysed, lines, errors, warnings, infos, documented, unanalysed, baselined };
}
