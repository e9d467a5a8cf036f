/**
 * The project around a file: what the engine needs from it, as an interface the faces fill in (the
 * value flow in `analysis/project.ts` implements it). Before rules run on a piece of code, the
 * project context may load what that code refers to in other files, so that the rules, which are
 * synchronous, can resolve imported constants and configuration values.
 */
import type { Annotation } from './annotations/types';
import type { CodeModel } from './code-model';
import type { Origin } from './ir';
import type { Range } from './text';

/** A valid annotation in another file, with where it is written. */
export interface ForeignAnnotation {
  annotation: Annotation;
  file: string;
  range: Range;
}

export interface ProjectContext {
  /**
   * Valid, complete, unexpired annotations in another file whose construct contains `origin` (where a
   * constant or setting that a finding uses is defined): an annotation on a definition documents
   * every use of it.
   */
  annotationsAt(origin: Origin, now: Date): ForeignAnnotation[];
  /** Prepares `model` (from the file `path`, as reports name it) to resolve what it refers to elsewhere; sets `model.external`. */
  prepare(model: CodeModel, path: string): Promise<void>;
  /** Whether a file of the project other than `path` mentions `name` (as a word, in any case). */
  mentionedElsewhere(path: string, name: string): boolean;
  /** The other files the analysis of `path` read so far (for cache keys), as reports name them. */
  dependencies(path: string): readonly string[];
}
