/**
 * The project around a file: what the engine needs from it, as an interface the faces fill in (the
 * value flow in `analysis/project.ts` implements it). Before rules run on a piece of code, the
 * project context may load what that code refers to in other files, so that the rules, which are
 * synchronous, can resolve imported constants and configuration values.
 */
import type { CodeModel } from './code-model';

export interface ProjectContext {
  /** Prepares `model` (from the file `path`, as reports name it) to resolve what it refers to elsewhere; sets `model.external`. */
  prepare(model: CodeModel, path: string): Promise<void>;
  /** The other files the analysis of `path` read so far (for cache keys), as reports name them. */
  dependencies(path: string): readonly string[];
}
