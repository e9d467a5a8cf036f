/**
 * Whether code or configuration is deployed to serve requests, or only exercises the product:
 * test sources, test resources and test profiles (`application-test.yaml`, a YAML document
 * activated `on-profile: test`). Settings that switch a capability off for a test run, mock
 * servers and deliberately broken examples in tests restrict nobody's access.
 */
import { at, ConfigNode, stringList } from '../core/formats/tree';

const TEST_DIRS = /^(test|tests|__tests__|__mocks__|spec|specs|testdata|test-data|testing|it|integration-tests|e2e|cypress|mocks?|fixtures?|testfiles|test-resources)$/i;
const TEST_FILE = /(^|[._-])(test|tests|spec|mock|mocks|fake|stub|e2e)([._-]|$)|^test_|_test\.\w+$|Tests?\.(cs|java|ts|js|py)$/;
const TEST_PROFILE = /^(test|tests|testing|junit|it|integration-test|unit-test|ci|mock)$/i;

/** Whether a file path is test code or a test resource (by folder or by file name). */
export function isTestPath(path: string): boolean {
  let parts = path.split(/[\\/]+/).filter((p) => p.length > 0);
  // Only folders inside the scanned tree count: a report path `../../work/tests/app/src/x.ts` says nothing about `tests`.
  const up = parts.lastIndexOf('..');
  if (up >= 0) parts = parts.slice(up + 1);
  const file = parts.pop() ?? '';
  // Project folders whose name merely contains "test" (test-fixtures of a linter, a `testbed` app) do not count.
  if (parts.some((p) => TEST_DIRS.test(p) || /\.(Tests|UnitTests|IntegrationTests|Test|Tests\.Common|E2ETests)$/i.test(p) || /(^|[-_.])(test|tests|mock|mocks|fake|stub|stubs)[-_.]?(data|resources|files|server|servers)$/i.test(p))) return true;
  return TEST_FILE.test(file);
}

/** Whether a Spring/ASP.NET-style profile file name is a test profile: `application-test.yml`, `appsettings.Test.json`. */
export function isTestProfileFile(path: string): boolean {
  const file = path.split(/[\\/]+/).pop() ?? '';
  const profile = /^(?:application|bootstrap|appsettings|settings|config)[-.]([\w-]+)\.(ya?ml|properties|json)$/i.exec(file)?.[1];
  return profile !== undefined && TEST_PROFILE.test(profile);
}

/** Whether one YAML document (or properties file) is activated only for a test profile. */
export function isTestProfileDocument(root: ConfigNode): boolean {
  const profiles =
    stringList(at(root, 'spring.config.activate.on-profile')) ?? stringList(at(root, 'spring.profiles')) ?? stringList(at(root, 'spring.profiles.active'));
  if (!profiles || profiles.length === 0) return false;
  return profiles.every((p) => TEST_PROFILE.test(p.replace(/^!/, '').trim()));
}

/** Whether findings in this file (or config document) should be left out: test code, test resources, test profiles. */
export function isTestOnly(path: string, root?: ConfigNode): boolean {
  return isTestPath(path) || isTestProfileFile(path) || (root !== undefined && isTestProfileDocument(root));
}
