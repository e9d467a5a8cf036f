/**
 * Whether code or configuration is deployed to serve requests, or only exercises the product:
 * test sources, test resources and test profiles (`application-test.yaml`, a YAML document
 * activated `on-profile: test`). Settings that switch a capability off for a test run, mock
 * servers and deliberately broken examples in tests restrict nobody's access.
 */
import { at, ConfigNode, stringList } from '../core/formats/tree';
import { isTestPath } from '../core/test-code';

const TEST_PROFILE = /^(test|tests|testing|junit|it|integration-test|unit-test|ci|mock)$/i;

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
