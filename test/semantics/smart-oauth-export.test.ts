/** The shared semantics behind app-access-restriction, export-restriction and nonstandard-fhir-api. */
import * as assert from 'node:assert/strict';
import { parseFile } from '../../server/src/core/files';
import { isTestPath } from '../../server/src/core/test-code';
import { isTestOnly } from '../../server/src/frameworks/deployment';
import { formatClass, isExportPath, isExportSwitch, unconditionalRefusal } from '../../rules/export-restriction/export';
import { isFhirPath, isVendorMediaType } from '../../server/src/domain/fhir';
import { isUncertain, literalTree } from '../../server/src/analysis/literal-tree';
import { hasPatientScope, isClientIdentifier, isDcrSwitch, mentionsPatientApps, onlySystemScopes, refreshLifetimeUnit, scopeAudience } from '../../server/src/domain/oauth';
import { smartDocumentsInCode, smartDocumentsInConfig, smartList, supportsAppLaunch } from '../../server/src/domain/smart';
import { findAll } from '../helpers/ir';

async function model(file: string, text: string) {
  const parsed = await parseFile(file, text);
  return parsed.codeUnits[0].model;
}

describe('semantics: SMART, OAuth and export', () => {
  it('classifies scopes by audience', () => {
    assert.equal(scopeAudience('patient/Observation.rs'), 'patient');
    assert.equal(scopeAudience('launch/patient'), 'patient');
    assert.equal(scopeAudience('user/*.read'), 'user');
    assert.equal(scopeAudience('system/*.read'), 'system');
    assert.ok(hasPatientScope(['openid launch/patient patient/*.read']));
    assert.ok(onlySystemScopes(['system/*.rs', 'openid']));
    assert.ok(!onlySystemScopes(['system/*.rs', 'user/*.rs']));
  });

  it('recognises files about patient apps, not every OpenID Connect server', () => {
    assert.ok(mentionsPatientApps('scopes: [launch/patient, "patient/*.read"]'));
    assert.ok(!mentionsPatientApps('"offline_access", "openid", "profile"'));
  });

  it('reads refresh-token lifetime keys and their units', () => {
    assert.equal(refreshLifetimeUnit(['OAUTH2_PROVIDER', 'REFRESH_TOKEN_EXPIRE_SECONDS']), 's');
    assert.equal(refreshLifetimeUnit(['token', 'refresh-token-time-to-live']), 'duration');
    assert.equal(refreshLifetimeUnit(['ttl', 'RefreshToken']), 's');
    assert.equal(refreshLifetimeUnit(['offlineSessionIdleTimeout']), 's');
    assert.equal(refreshLifetimeUnit(['SIMPLE_JWT', 'REFRESH_TOKEN_LIFETIME']), undefined);
    assert.equal(refreshLifetimeUnit(['ACCESS_TOKEN_EXPIRE_SECONDS']), undefined);
    assert.equal(refreshLifetimeUnit(['refreshTokenRotationEnabled']), undefined);
  });

  it('tells dynamic client registration from end-user sign-up', () => {
    assert.ok(isDcrSwitch(['dynamic_registration']));
    assert.ok(isDcrSwitch(['OIDC_DYNAMIC_CLIENT_REGISTRATION']));
    assert.ok(isDcrSwitch(['features', 'registration', 'enabled']));
    assert.ok(!isDcrSwitch(['registrationAllowed']));
    assert.ok(!isDcrSwitch(['portal', 'registration', 'enabled']));
  });

  it('names clients in expressions', async () => {
    const m = await model('a.py', 'a = request.args.get("client_id")\nb = claims["azp"]\nc = request.args.get("redirect_uri")\nd = registered_client.client_id\n');
    const values = findAll(m.root, 'variable').map((v) => isClientIdentifier(m, v.value!));
    assert.deepEqual(values, [true, true, false, true]);
  });

  it('finds SMART configurations in code and tells them from OpenID discovery', async () => {
    const m = await model(
      'wk.ts',
      `app.get('/.well-known/smart-configuration', (req, res) => res.json({ token_endpoint: t, authorization_endpoint: a, capabilities: ['launch-standalone'] }));
app.get('/.well-known/openid-configuration', (req, res) => res.json({ token_endpoint: t, authorization_endpoint: a, code_challenge_methods_supported: ['plain'] }));
const partial = { capabilities: ['launch-ehr', 'client-public'], token_endpoint: t };
res.json({ ...partial, authorization_endpoint: a });`,
    );
    const docs = smartDocumentsInCode(m);
    assert.equal(docs.length, 2);
    assert.equal(docs[0].complete, true);
    assert.deepEqual(smartList(docs[0], 'capabilities'), ['launch-standalone']);
    assert.equal(docs[1].complete, false, 'an object spread into another is a fragment');
  });

  it('reads SMART configuration files and backend-only documents', async () => {
    const parsed = await parseFile('x/smart-configuration.json', '{"token_endpoint": "t", "grant_types_supported": ["client_credentials"], "capabilities": ["client-confidential-asymmetric"]}');
    const [doc] = smartDocumentsInConfig(parsed.config!, 'x/smart-configuration.json');
    assert.ok(doc);
    assert.equal(supportsAppLaunch(doc), false);
  });

  it('converts literals to a config tree and marks what it cannot know', async () => {
    const m = await model('l.js', 'const o = { a: [1, x], b: `${y}/z`, ...rest, c: undefined };');
    const obj = findAll(m.root, 'object')[0];
    const tree = literalTree(m, obj);
    assert.equal(tree.root.kind, 'map');
    assert.ok(tree.open.has(tree.root));
    if (tree.root.kind !== 'map') return;
    assert.deepEqual(tree.root.entries.map((e) => e.key), ['a', 'b']);
    assert.ok(isUncertain(tree, tree.root.entries[0].value));
  });

  it('knows export paths, switches and formats', () => {
    assert.ok(isExportPath('/fhir/$export'));
    assert.ok(isExportPath('/fhir/Patient/:id/$everything'));
    assert.ok(isExportPath('/api/patients/:id/ehi-export'));
    assert.ok(!isExportPath('/reports/export'));
    assert.ok(isExportSwitch(['hapi', 'fhir', 'bulk_export_enabled']));
    assert.ok(isExportSwitch(['FhirServer', 'Operations', 'Export', 'Enabled']));
    assert.ok(!isExportSwitch(['management', 'metrics', 'export', 'enabled']));
    assert.ok(!isExportSwitch(['hapi', 'fhir', 'bulk_export_file_retention_period_hours']));
    assert.ok(!isExportSwitch(['patientExport'], true));
    assert.equal(formatClass('application/fhir+ndjson'), 'ndjson');
    assert.equal(formatClass('vendor-xml'), 'vendor');
    assert.equal(formatClass('pdf'), 'not-machine-readable');
    assert.equal(formatClass('text/csv'), 'open');
  });

  it('finds a refusal only when it is unconditional', async () => {
    const m = await model('r.ts', "function a(req, res) { res.status(501).end(); }\nfunction b(req, res) { if (bad) return res.status(400).end(); res.json(x); }\nfunction c() { throw new Error('no'); }");
    const [a, b, c] = m.functions();
    assert.equal(unconditionalRefusal(m, a)?.status, 501);
    assert.equal(unconditionalRefusal(m, b), undefined);
    assert.equal(unconditionalRefusal(m, c)?.status, 'throws');
  });

  it('knows FHIR paths and vendor media types', () => {
    assert.ok(isFhirPath('/fhir/r4/Patient/:id'));
    assert.ok(isFhirPath('/Observation/{id}'));
    assert.ok(!isFhirPath('/api/patients/:id'));
    assert.ok(isVendorMediaType('application/vnd.acme+json'));
    assert.ok(isVendorMediaType('application/x-acme'));
    assert.ok(!isVendorMediaType('application/fhir+json; fhirVersion=4.0'));
    assert.ok(!isVendorMediaType('application/x-ndjson'));
  });

  it('leaves test code, test resources and test profiles out', () => {
    assert.ok(isTestPath('src/test/java/org/acme/ExportIT.java'));
    assert.ok(isTestPath('src/Microsoft.Health.Fhir.Tests.Common/TestFiles/x.json'));
    assert.ok(isTestPath('app/__tests__/token.ts'));
    assert.ok(!isTestPath('test-fixtures/export-restriction/application.yaml'));
    assert.ok(!isTestPath('../src/server.ts'));
    assert.ok(isTestOnly('src/main/resources/application-test.yaml'));
    assert.ok(!isTestOnly('src/main/resources/application-prod.yaml'));
  });
});
