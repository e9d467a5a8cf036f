/**
 * Test code: test folders and test projects, and test files by the usual naming conventions. Test
 * code is not deployed, so what it does is not a practice: scans leave it out unless asked to
 * include it, and rules whose findings would only restate a test's deliberate refusals skip it.
 * One definition for every face and rule.
 */

const TEST_DIRECTORY =
  /^(tests?|__tests__|__mocks__|specs?|testing|e2e|cypress|playwright|it|integration-tests|mocks?|fixtures?|testdata|test[-_]?data|test[-_]?files|test[-_]?resources|testfiles)$/i;
/** .NET test projects: `Contoso.Api.Tests`, `Contoso.Tests.Common`, `Contoso.IntegrationTests`. */
const DOTNET_TEST_PROJECT = /(^|\.)(Tests?|UnitTests?|IntegrationTests?|FunctionalTests?|AcceptanceTests?|E2E|E2ETests|Specs?)(\.|$)/;
/** Folders of test data and test doubles: `test-data`, `mock_server`, `fake-resources`. */
const TEST_SUPPORT_DIRECTORY = /(^|[-_.])(test|tests|mock|mocks|fake|stub|stubs)[-_.]?(data|resources|files|server|servers)$/i;
const TEST_FILE =
  /(\.(test|spec|e2e)\.[cm]?[jt]sx?$)|(^test_.*\.py$)|(_test\.\w+$)|(^conftest\.py$)|((Test|Tests|IT|Spec)\.(java|cs)$)|((^|[._-])(mock|mocks|fake|stub)[._-])/;

/**
 * Whether a path (`/`- or `\`-separated, relative to the scanned folder) is test code. Only folders
 * inside the scanned tree count: in `../../work/tests/app/src/x.ts` the folder `tests` is outside it.
 * Project folders whose name merely contains "test" (a linter's `test-fixtures`, a `testbed` app) do
 * not count.
 */
export function isTestPath(path: string): boolean {
  let segments = path.split(/[\\/]+/).filter((s) => s.length > 0);
  const up = segments.lastIndexOf('..');
  if (up >= 0) segments = segments.slice(up + 1);
  const file = segments.pop() ?? '';
  return segments.some((d) => TEST_DIRECTORY.test(d) || DOTNET_TEST_PROJECT.test(d) || TEST_SUPPORT_DIRECTORY.test(d)) || TEST_FILE.test(file);
}
