/** The tool's identity, shared by every face. */
import pkg from '../../../package.json';

export const TOOL_NAME = 'ehi-lint';
export const TOOL_VERSION: string = pkg.version;
export const REPOSITORY_URL = pkg.repository.url.replace(/\.git$/, '');

/** Where a rule's documentation page lives (generated from the rule unit into docs/rules/). */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
