import * as assert from 'node:assert/strict';
import { calleeText, findAll, findCall, lower } from '../helpers/ir';

describe('TypeScript/JavaScript lowering', () => {
  it('lowers an Express route registration with a limiter and an inline handler', async () => {
    const src = `const limiter = rateLimit({ windowMs: 60_000, max: 5 });\napp.get('/fhir/Patient/:id', limiter, async (req, res) => { await sleep(2000); res.status(403).send('no'); });\n`;
    const { root, syntaxErrors } = await lower('typescript', src);
    assert.deepEqual(syntaxErrors, []);
    const variable = findAll(root, 'variable')[0];
    assert.equal(variable.name, 'limiter');
    assert.equal(variable.isConstant, true);
    assert.equal(variable.value?.kind, 'call');
    const route = findCall(root, 'app.get')!;
    assert.equal(route.args.length, 3);
    assert.deepEqual(route.args[0].value, { ...route.args[0].value, kind: 'string', value: '/fhir/Patient/:id' });
    const handler = route.args[2].value;
    assert.equal(handler.kind, 'function');
    assert.equal(handler.kind === 'function' && handler.isAsync, true);
    assert.deepEqual(handler.kind === 'function' && handler.params.map((p) => p.name), ['req', 'res']);
    assert.ok(findCall(root, 'res.status().send'));
    const status = findCall(root, 'res.status')!;
    assert.equal(status.args[0].value.kind === 'number' && status.args[0].value.value, 403);
  });

  it('attaches class and method decorators, with the construct starting at the first decorator', async () => {
    const src = `@Controller('fhir')\nexport class PatientController {\n  @Get(':id')\n  @Throttle({ default: { limit: 3, ttl: 60000 } })\n  async read(@Param('id') id: string) {}\n}\n`;
    const { root } = await lower('typescript', src);
    const cls = findAll(root, 'class')[0];
    assert.equal(cls.name, 'PatientController');
    assert.deepEqual(cls.decorators.map((d) => calleeText(d)), ['Controller']);
    assert.equal(cls.start, 0);
    const method = findAll(root, 'function')[0];
    assert.equal(method.name, 'read');
    assert.equal(method.isMethod, true);
    assert.deepEqual(method.decorators.map((d) => calleeText(d)), ['Get', 'Throttle']);
    assert.equal(src.slice(method.start).startsWith('@Get'), true);
    assert.equal(method.params[0].decorators.length, 1);
  });

  it('models if/continue, switch cases, enums, imports and template strings', async () => {
    const src = [
      `import rateLimit, { slowDown as sd } from 'express-rate-limit';`,
      `enum Channel { FAX = 'fax', MAIL, "Paper" }`,
      `for (const e of bundle.entry) { if (e.resource.resourceType === 'DocumentReference') continue; out.push(e); }`,
      'switch (m) { case "fax": send(); break; default: reject(`only ${m}`); }',
    ].join('\n');
    const { root } = await lower('typescript', src);
    const imp = findAll(root, 'import')[0];
    assert.equal(imp.source, 'express-rate-limit');
    assert.deepEqual(imp.names, [
      { imported: 'default', local: 'rateLimit' },
      { imported: 'slowDown', local: 'sd' },
    ]);
    const en = findAll(root, 'enum')[0];
    assert.deepEqual(en.members.map((m) => m.name), ['FAX', 'MAIL', 'Paper']);
    const loop = findAll(root, 'loop')[0];
    assert.equal(loop.variable, 'e');
    const iff = findAll(root, 'if')[0];
    assert.equal(iff.test.kind === 'binary' && iff.test.operator, '===');
    assert.equal(findAll(iff, 'continue').length, 1);
    const sw = findAll(root, 'switch')[0];
    assert.equal(sw.cases.length, 2);
    assert.equal(sw.cases[1].tests.length, 0);
    const tpl = findAll(root, 'string', (s) => s.interpolated)[0];
    assert.equal(tpl.value, 'only …');
  });

  it('keeps lowering the parts that parse when the file has a syntax error', async () => {
    const src = `function broken() {\n  const x = ;\n  return x +* 2;\n}\napp.use('/fhir', limiter);\n`;
    const { root, syntaxErrors } = await lower('javascript', src);
    assert.ok(syntaxErrors.length > 0);
    assert.ok(findCall(root, 'app.use'));
  });

  it('gives offsets in UTF-16 code units, matching String indices', async () => {
    const src = `const s = "héllo😀"; app.get('/x');`;
    const { root } = await lower('javascript', src);
    assert.equal(findCall(root, 'app.get')!.start, src.indexOf('app.get'));
  });
});
