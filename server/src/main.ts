/**
 * The executable's entry point (`bin/ehi-lint.js`, bundled as `dist/cli.js`): the command line, which
 * also starts the language server for `ehi-lint lsp --stdio`. The two faces never import each other;
 * this composition root is the one place that knows both.
 */
import { main as cliMain } from './cli/main';

export function main(argv: string[], cwd = process.cwd()): Promise<number> {
  return cliMain(argv, cwd, {
    startLanguageServer: () => {
      // Loaded only for this command: the protocol libraries are not needed for a scan.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./lsp/server') as typeof import('./lsp/server')).startServer();
    },
  });
}
