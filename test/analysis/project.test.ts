/**
 * Value flow between the files of a project: constants imported from other modules and classes,
 * configuration values read by code, in every code language.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProjectIndex } from '../../server/src/analysis/project';
import { definitionOf, numberValue, stringList, stringValue } from '../../server/src/analysis/values';
import type { CodeModel } from '../../server/src/core/code-model';
import { parseFile } from '../../server/src/core/files';
import type { IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';

function project(files: Record<string, string>): { dir: string; index: ProjectIndex } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-project-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const all = Object.keys(files).map((f) => path.join(dir, f));
  return { dir, index: new ProjectIndex({ root: dir, files: all, display: (f) => path.relative(dir, f).split(path.sep).join('/') }) };
}

/** The model of `file`, prepared by the project, and the first node the predicate picks. */
async function prepared(files: Record<string, string>, file: string, pick: (n: IrNode, model: CodeModel) => boolean): Promise<{ model: CodeModel; node: IrNode }> {
  const { dir, index } = project(files);
  const parsed = await parseFile(path.join(dir, file), files[file]);
  const model = parsed.codeUnits[0].model;
  await index.prepare(model, file);
  let node: IrNode | undefined;
  walk(model.root, (n) => {
    if (!node && pick(n, model)) node = n;
  });
  assert.ok(node, 'the node to resolve');
  return { model, node };
}

const argOf = (callee: string) => (n: IrNode, model: CodeModel) => n.kind === 'call' && model.textOf(n.callee).endsWith(callee);
const firstArg = (n: IrNode): IrNode => (n.kind === 'call' ? n.args[0].value : n);
const receiverOf = (n: IrNode): IrNode => (n.kind === 'call' && n.callee.kind === 'member' ? n.callee.object : n);

describe('value flow between files', () => {
  it('TypeScript: a named import, a namespace import, an object property and a JSON module', async () => {
    const files = {
      'src/constants.ts': "export const SHARED_TYPES = ['Patient', 'Observation'];\nexport const Limits = { perMinute: 30 };\n",
      'src/config/release.json': '{ "labHoldHours": 72 }',
      'src/service.ts':
        "import { SHARED_TYPES as TYPES } from './constants';\nimport * as C from './constants';\nimport release from './config/release.json';\nTYPES.includes(x);\nuse(C.Limits.perMinute);\nhold(release.labHoldHours);\n",
    };
    const a = await prepared(files, 'src/service.ts', argOf('includes'));
    assert.deepEqual(stringList(a.model, receiverOf(a.node)), ['Patient', 'Observation']);
    const origin = definitionOf(a.model, receiverOf(a.node));
    assert.ok(origin && 'origin' in origin && origin.origin.file === 'src/constants.ts' && origin.origin.line === 0);
    const b = await prepared(files, 'src/service.ts', argOf('hold'));
    assert.equal(numberValue(b.model, firstArg(b.node)), 72);
  });

  it('TypeScript: a nested key of an imported JSON module (settings.portal.release.holdHours)', async () => {
    const files = {
      'src/portal-release.json': '{ "portal": { "release": { "imagingHoldHours": 48 } } }',
      'src/jobs.ts': "import settings from './portal-release.json';\nimport * as all from './portal-release.json';\nhold(settings.portal.release.imagingHoldHours);\nwait(all.portal.release.imagingHoldHours);\n",
    };
    const a = await prepared(files, 'src/jobs.ts', argOf('hold'));
    assert.equal(numberValue(a.model, firstArg(a.node)), 48);
    const b = await prepared(files, 'src/jobs.ts', argOf('wait'));
    assert.equal(numberValue(b.model, firstArg(b.node)), 48);
  });

  it('JavaScript: destructured require', async () => {
    const files = { 'lib/channels.js': "const PROVIDER_CHANNELS = ['fax', 'mail'];\nmodule.exports = { PROVIDER_CHANNELS };\n", 'lib/send.js': "const { PROVIDER_CHANNELS } = require('./channels');\npick(PROVIDER_CHANNELS);\n" };
    const { model, node } = await prepared(files, 'lib/send.js', argOf('pick'));
    assert.deepEqual(stringList(model, firstArg(node)), ['fax', 'mail']);
  });

  it('Python: from-imports (relative and absolute) and Django settings', async () => {
    const files = {
      'app/core/constants.py': 'HIDDEN_TYPES = frozenset({"DocumentReference", "Media"})\n',
      'app/settings.py': 'LAB_RELEASE_DELAY_HOURS = 72\n',
      'app/views.py': 'from .core.constants import HIDDEN_TYPES\nfrom django.conf import settings\nkeep(HIDDEN_TYPES)\nwait(settings.LAB_RELEASE_DELAY_HOURS)\n',
      'app/tasks.py': 'from app.core.constants import HIDDEN_TYPES as H\nkeep(H)\n',
    };
    const a = await prepared(files, 'app/views.py', argOf('keep'));
    assert.deepEqual(stringList(a.model, firstArg(a.node))?.sort(), ['DocumentReference', 'Media']);
    const b = await prepared(files, 'app/views.py', argOf('wait'));
    assert.equal(numberValue(b.model, firstArg(b.node)), 72);
    const c = await prepared(files, 'app/tasks.py', argOf('keep'));
    assert.deepEqual(stringList(c.model, firstArg(c.node))?.sort(), ['DocumentReference', 'Media']);
  });

  it('Java: a constants class by import, by static import and in the same package; @Value from application.yml', async () => {
    const files = {
      'src/main/java/com/acme/fhir/ResourceGroups.java': 'package com.acme.fhir;\npublic final class ResourceGroups {\n  public static final Set<String> RELEASABLE = Set.of("Patient", "Observation");\n}\n',
      'src/main/java/com/acme/api/Summary.java':
        'package com.acme.api;\nimport com.acme.fhir.ResourceGroups;\nimport static com.acme.fhir.ResourceGroups.RELEASABLE;\nclass Summary {\n  @Value("${results.release.delay-hours:24}") private int delayHours;\n  void a() { keep(ResourceGroups.RELEASABLE); other(RELEASABLE); wait(delayHours); }\n}\n',
      'src/main/java/com/acme/fhir/Filter.java': 'package com.acme.fhir;\nclass Filter { void a() { keep(ResourceGroups.RELEASABLE); } }\n',
      'src/main/resources/application.yml': 'results:\n  release:\n    delay-hours: 72\n',
    };
    for (const [file, callee] of [
      ['src/main/java/com/acme/api/Summary.java', 'keep'],
      ['src/main/java/com/acme/api/Summary.java', 'other'],
      ['src/main/java/com/acme/fhir/Filter.java', 'keep'],
    ] as const) {
      const { model, node } = await prepared(files, file, argOf(callee));
      assert.deepEqual(stringList(model, firstArg(node)), ['Patient', 'Observation'], `${file} ${callee}`);
    }
    const w = await prepared(files, 'src/main/java/com/acme/api/Summary.java', argOf('wait'));
    assert.equal(numberValue(w.model, firstArg(w.node)), 72);
  });

  it('C#: a static class in another file, IOptions<T> bound to appsettings.json, IConfiguration keys', async () => {
    const files = {
      'src/Shared/FhirTypes.cs': 'namespace Acme.Shared;\npublic static class FhirTypes {\n  public static readonly string[] Portal = new[] { "Patient", "Observation" };\n}\n',
      'src/Api/Worker.cs':
        'using Acme.Shared;\npublic class Worker {\n  private readonly IOptions<ResultReleaseOptions> _options;\n  void Run(IConfiguration configuration) { Keep(FhirTypes.Portal); Wait(_options.Value.HoldHours); Cap(configuration.GetValue<int>("Export:MaxResources")); }\n}\n',
      'src/Api/appsettings.json': '{ "ResultRelease": { "HoldHours": 48 }, "Export": { "MaxResources": 500 } }',
    };
    const k = await prepared(files, 'src/Api/Worker.cs', argOf('Keep'));
    assert.deepEqual(stringList(k.model, firstArg(k.node)), ['Patient', 'Observation']);
    const w = await prepared(files, 'src/Api/Worker.cs', argOf('Wait'));
    assert.equal(numberValue(w.model, firstArg(w.node)), 48);
    const c = await prepared(files, 'src/Api/Worker.cs', argOf('Cap'));
    assert.equal(numberValue(c.model, firstArg(c.node)), 500);
  });

  it('does not read FHIR resources (examples, profiles, bundles) as settings', async () => {
    const files = {
      'src/Api/Worker.cs': 'public class Worker {\n  void Run(IConfiguration configuration) { Cap(configuration.GetValue<int>("Export:MaxResources")); Wait(configuration.GetValue<int>("Release:HoldHours")); }\n}\n',
      'src/Api/appsettings.json': '{ "Release": { "HoldHours": 48 } }',
      'docs/examples/export-definition.json': '\uFEFF{ "resourceType": "Basic", "Export": { "MaxResources": 500 } }',
    };
    const c = await prepared(files, 'src/Api/Worker.cs', argOf('Cap'));
    assert.equal(numberValue(c.model, firstArg(c.node)), undefined);
    const w = await prepared(files, 'src/Api/Worker.cs', argOf('Wait'));
    assert.equal(numberValue(w.model, firstArg(w.node)), 48);
  });

  it('environment variables from docker-compose and Kubernetes, with defaults', async () => {
    const files = {
      'deploy/docker-compose.yml': 'services:\n  notifier:\n    environment:\n      RESULT_RELEASE_DELAY_HOURS: "36"\n      - UNUSED=1\n',
      'deploy/k8s.yaml': 'spec:\n  containers:\n    - env:\n        - name: PORTAL_FEE\n          value: "25"\n',
      'src/job.js': 'wait(Number(process.env.RESULT_RELEASE_DELAY_HOURS || 12));\ncharge(process.env.PORTAL_FEE);\nmissing(process.env.NOT_SET || 5);\n',
      'svc/job.py': 'import os\nwait(int(os.getenv("RESULT_RELEASE_DELAY_HOURS", "12")))\n',
    };
    const w = await prepared(files, 'src/job.js', argOf('wait'));
    const arg = firstArg(w.node);
    assert.equal(numberValue(w.model, arg.kind === 'call' ? arg.args[0].value : arg), 36);
    const c = await prepared(files, 'src/job.js', argOf('charge'));
    assert.equal(stringValue(c.model, firstArg(c.node)), '25');
    const m = await prepared(files, 'src/job.js', argOf('missing'));
    assert.equal(numberValue(m.model, firstArg(m.node)), 5);
    const p = await prepared(files, 'svc/job.py', argOf('int'));
    assert.equal(stringValue(p.model, firstArg(p.node)), '36');
  });

  it('leaves names alone that no file of the project defines, and records what a file depended on', async () => {
    const files = { 'src/a.ts': "import { X } from 'some-package';\nimport { Y } from './missing';\nuse(X, Y);\n" };
    const { dir, index } = project(files);
    const parsed = await parseFile(path.join(dir, 'src/a.ts'), files['src/a.ts']);
    const model = parsed.codeUnits[0].model;
    await index.prepare(model, 'src/a.ts');
    let call: IrNode | undefined;
    walk(model.root, (n) => {
      if (n.kind === 'call' && model.textOf(n.callee) === 'use') call = n;
    });
    assert.ok(call?.kind === 'call');
    assert.equal(stringList(model, call.args[0].value), undefined);
    assert.equal(stringList(model, call.args[1].value), undefined);
    assert.deepEqual(index.dependencies('src/a.ts'), []);
  });

  it('Mirth: code-template variables and functions, and the global channel map filled by the deploy script', async () => {
    const template =
      '<codeTemplateLibrary version="4.4.2"><name>Helpers</name><codeTemplates><codeTemplate version="4.4.2"><name>types</name><properties><type>CODE</type>' +
      "<code>var EXCLUDED_TYPES = ['DocumentReference', 'Media'];\nfunction isExcluded(t) {\n  return EXCLUDED_TYPES.indexOf(t) &gt;= 0;\n}</code></properties></codeTemplate></codeTemplates></codeTemplateLibrary>";
    const channel =
      '<channel version="4.4.2"><name>Out</name><sourceConnector><transformer><elements><step><name>s</name>' +
      '<script>keep(EXCLUDED_TYPES);\nisExcluded(x);\npace($gc(&apos;pacingMs&apos;));</script></step></elements></transformer></sourceConnector><destinationConnectors/>' +
      '<deployScript>globalChannelMap.put(&apos;pacingMs&apos;, 4000);\nreturn;</deployScript></channel>';
    const files = { 'code-templates/Helpers.xml': template, 'channels/Out.xml': channel };
    const { dir, index } = project(files);
    const parsed = await parseFile(path.join(dir, 'channels/Out.xml'), channel);
    const model = parsed.codeUnits.find((u) => u.model.text.includes('keep'))!.model;
    await index.prepare(model, 'channels/Out.xml');
    const calls = new Map<string, IrNode>();
    walk(model.root, (n) => {
      if (n.kind === 'call') calls.set(model.textOf(n.callee), n);
    });
    const keep = calls.get('keep');
    assert.ok(keep?.kind === 'call');
    assert.deepEqual(stringList(model, keep.args[0].value), ['DocumentReference', 'Media']);
    const origin = definitionOf(model, keep.args[0].value);
    assert.ok(origin && 'origin' in origin && origin.origin.file === 'code-templates/Helpers.xml');
    const pace = calls.get('pace');
    assert.ok(pace?.kind === 'call');
    assert.equal(numberValue(model, pace.args[0].value), 4000);
    const helper = model.external?.functionNamed?.(model, 'isExcluded');
    assert.equal(helper?.fn.name, 'isExcluded');
    assert.equal(helper?.origin.file, 'code-templates/Helpers.xml');
    assert.equal(model.external?.functionNamed?.(model, 'undefinedHelper'), undefined);
  });
});
