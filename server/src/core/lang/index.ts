/**
 * Code languages: which file is which, and how each is lowered into the IR.
 */
import type { CodeLanguage, LoweredCode } from '../ir';
import { lowerCSharp } from './csharp';
import { lowerJava } from './java';
import { lowerJavaScriptFamily } from './javascript';
import type { LowerOptions } from './lowering';
import { lowerPython } from './python';

export function lowerCode(language: CodeLanguage, text: string, options: LowerOptions = {}): Promise<LoweredCode> {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return lowerJavaScriptFamily(language, text, options);
    case 'java':
      return lowerJava(text, options);
    case 'csharp':
      return lowerCSharp(text, options);
    case 'python':
      return lowerPython(text, options);
  }
}
