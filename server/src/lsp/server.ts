/** The language server (see issue: language server and VS Code client). */
export function startServer(): void {
  throw new Error('the language server is not built yet');
}
