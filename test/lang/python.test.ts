import * as assert from 'node:assert/strict';
import type { IrNode, LoopNode, StringNode } from '../../server/src/core/ir';
import { decodePythonString } from '../../server/src/core/lang/python';
import { calleeText, findAll, findCall, lower } from '../helpers/ir';

/** The string value of a node that is a plain string, or an f-string wrapper (`other` around a string). */
function stringOf(node: IrNode | undefined): StringNode | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node;
  if (node.kind === 'other' && node.children[0]?.kind === 'string') return node.children[0];
  return undefined;
}

function strings(node: IrNode | undefined): string[] {
  assert.ok(node && node.kind === 'array', `expected an array, got ${node?.kind}`);
  return node.elements.map((e) => stringOf(e)?.value ?? `<${e.kind}>`);
}

function variable(root: IrNode, name: string) {
  const found = findAll(root, 'variable', (v) => v.name === name);
  assert.equal(found.length, 1, `one variable ${name}`);
  return found[0];
}

describe('Python lowering', () => {
  it('lowers a Flask route with Flask-Limiter decorators, abort(403) and a (body, 403) return', async () => {
    const src = [
      'from flask import Flask, abort, jsonify',
      'from flask_limiter import Limiter',
      'from flask_limiter.util import get_remote_address',
      'app = Flask(__name__)',
      'limiter = Limiter(get_remote_address, app=app, default_limits=["200 per day", "50 per hour"])',
      '',
      '@app.route("/fhir/Patient/<pid>", methods=["GET"])',
      '@limiter.limit("5 per minute")',
      'def read_patient(pid):',
      '    if not allowed(pid):',
      '        abort(403)',
      '    time.sleep(2)',
      '    return jsonify(error="forbidden"), 403',
      '',
      '@bp.get("/fhir/Observation")',
      '@limiter.exempt',
      'def list_obs():',
      '    pass',
    ].join('\n');
    const { root, syntaxErrors } = await lower('python', src);
    assert.deepEqual(syntaxErrors, []);

    const limiter = variable(root, 'limiter');
    assert.equal(limiter.isConstant, false);
    assert.equal(limiter.isField, false);
    assert.ok(limiter.value?.kind === 'call');
    assert.equal(calleeText(limiter.value), 'Limiter');
    assert.equal(limiter.value.isNew, false);
    assert.deepEqual(limiter.value.args.map((a) => a.name), [undefined, 'app', 'default_limits']);
    assert.deepEqual(strings(limiter.value.args[2].value), ['200 per day', '50 per hour']);

    const [read, list] = findAll(root, 'function');
    assert.equal(read.name, 'read_patient');
    assert.equal(read.isMethod, false);
    assert.equal(read.start, src.indexOf('@app.route'));
    assert.deepEqual(read.decorators.map((d) => [calleeText(d), d.isDecorator]), [
      ['app.route', true],
      ['limiter.limit', true],
    ]);
    const route = read.decorators[0];
    assert.equal(route.start, src.indexOf('@app.route'));
    assert.equal(stringOf(route.args[0].value)?.value, '/fhir/Patient/<pid>');
    assert.equal(route.args[1].name, 'methods');
    assert.deepEqual(strings(route.args[1].value), ['GET']);
    assert.deepEqual(read.params.map((p) => p.name), ['pid']);
    assert.equal(read.bodyStart, src.indexOf('if not allowed'));

    const abort = findCall(read, 'abort')!;
    assert.ok(abort.args[0].value.kind === 'number' && abort.args[0].value.value === 403);
    const iff = findAll(read, 'if')[0];
    assert.ok(iff.test.kind === 'unary' && iff.test.operator === 'not');
    assert.ok(findCall(read, 'time.sleep'));

    const ret = findAll(read, 'return')[0];
    assert.ok(ret.value?.kind === 'array');
    assert.equal(ret.value.elements.length, 2);
    assert.ok(ret.value.elements[0].kind === 'call' && ret.value.elements[0].args[0].name === 'error');
    assert.ok(ret.value.elements[1].kind === 'number' && ret.value.elements[1].value === 403);

    assert.equal(list.name, 'list_obs');
    assert.deepEqual(list.decorators.map((d) => [calleeText(d), d.args.length]), [
      ['bp.get', 1],
      ['limiter.exempt', 0],
    ]);
    assert.equal(list.start, src.indexOf('@bp.get'));
  });

  it('lowers FastAPI routes: async handlers, Depends defaults, HTTPException keywords, awaited sleeps, f-strings', async () => {
    const src = [
      'router = APIRouter(prefix="/fhir")',
      '',
      '@router.get("/fhir/{rtype}")',
      'async def search(rtype: str, user: User = Depends(current_user), *args, limit: int = 10, **kw) -> dict:',
      '    if rtype == "DocumentReference":',
      '        raise HTTPException(status_code=403, detail=f"{rtype} not shared {{sic}}")',
      '    await asyncio.sleep(1.5)',
      '    return {}',
      '',
      'class Api:',
      '    @limiter.limit("5/minute")',
      '    async def get(self, request: Request):',
      '        return await call(request)',
    ].join('\n');
    const { root } = await lower('python', src);
    const search = findAll(root, 'function', (f) => f.name === 'search')[0];
    assert.equal(search.isAsync, true);
    assert.equal(search.returnType, 'dict');
    assert.deepEqual(
      search.params.map((p) => [p.name, p.type]),
      [
        ['rtype', 'str'],
        ['user', 'User'],
        ['*args', undefined],
        ['limit', 'int'],
        ['**kw', undefined],
      ],
    );
    const depends = search.params[1].defaultValue;
    assert.ok(depends?.kind === 'call' && calleeText(depends) === 'Depends');
    assert.ok(search.params[3].defaultValue?.kind === 'number');

    const thrown = findAll(search, 'throw')[0];
    assert.ok(thrown.value?.kind === 'call');
    assert.equal(calleeText(thrown.value), 'HTTPException');
    assert.deepEqual(thrown.value.args.map((a) => a.name), ['status_code', 'detail']);
    const detail = thrown.value.args[1].value;
    assert.ok(detail.kind === 'other');
    assert.deepEqual(detail.children[0], { ...detail.children[0], kind: 'string', value: '… not shared {sic}', interpolated: true });
    assert.ok(detail.children[1].kind === 'name' && detail.children[1].name === 'rtype');

    const test = findAll(search, 'if')[0].test;
    assert.ok(test.kind === 'binary' && test.operator === '==' && stringOf(test.right)?.value === 'DocumentReference');

    const awaited = findAll(search, 'unary', (u) => u.operator === 'await')[0];
    assert.ok(awaited.operand.kind === 'call' && calleeText(awaited.operand) === 'asyncio.sleep');

    const method = findAll(root, 'function', (f) => f.name === 'get')[0];
    assert.equal(method.isMethod, true);
    assert.equal(method.isAsync, true);
    assert.equal(method.start, src.indexOf('@limiter.limit'));
    assert.deepEqual(method.decorators.map(calleeText), ['limiter.limit']);
    assert.equal(search.isMethod, false);
  });

  it('lowers Django and DRF: path(), ratelimit decorators, throttle fields, PermissionDenied, settings dicts', async () => {
    const src = [
      'from django_ratelimit.decorators import ratelimit',
      'REST_FRAMEWORK = {',
      '    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],',
      '    "DEFAULT_THROTTLE_RATES": {"user": "10/min", \'anon\': "2/min"},',
      '    **EXTRA,',
      '}',
      'urlpatterns = [',
      '    path("fhir/Patient/<int:pk>/", views.patient_read, name="patient-read"),',
      ']',
      '',
      '@ratelimit(key="ip", rate="5/m", block=True)',
      'def patient_read(request, pk):',
      '    raise PermissionDenied("no access")',
      '',
      'class PatientViewSet(viewsets.ModelViewSet, metaclass=Meta):',
      '    """Patients."""',
      '    throttle_classes = [UserRateThrottle]',
      '    MAX_PAGE: int = 50',
      '    a = b = None',
      '    def get_queryset(self):',
      '        self.count += 1',
      '        return Patient.objects.filter(active=True)',
    ].join('\n');
    const { root } = await lower('python', src);

    const settings = variable(root, 'REST_FRAMEWORK');
    assert.equal(settings.isConstant, true);
    assert.ok(settings.value?.kind === 'object');
    assert.deepEqual(settings.value.properties.map((p) => p.key), ['DEFAULT_THROTTLE_CLASSES', 'DEFAULT_THROTTLE_RATES', '**']);
    const rates = settings.value.properties[1];
    assert.equal(src.slice(rates.keyStart, rates.keyEnd), '"DEFAULT_THROTTLE_RATES"');
    assert.ok(rates.value.kind === 'object');
    assert.deepEqual(
      rates.value.properties.map((p) => [p.key, stringOf(p.value)?.value]),
      [
        ['user', '10/min'],
        ['anon', '2/min'],
      ],
    );

    const route = findCall(root, 'path')!;
    assert.equal(stringOf(route.args[0].value)?.value, 'fhir/Patient/<int:pk>/');
    assert.ok(route.args[1].value.kind === 'member' && route.args[1].value.property === 'patient_read');
    assert.equal(route.args[2].name, 'name');

    const view = findAll(root, 'function', (f) => f.name === 'patient_read')[0];
    const rl = view.decorators[0];
    assert.equal(calleeText(rl), 'ratelimit');
    assert.deepEqual(
      rl.args.map((a) => [a.name, a.value.kind]),
      [
        ['key', 'string'],
        ['rate', 'string'],
        ['block', 'boolean'],
      ],
    );
    const thrown = findAll(view, 'throw')[0];
    assert.ok(thrown.value?.kind === 'call' && calleeText(thrown.value) === 'PermissionDenied');

    const cls = findAll(root, 'class')[0];
    assert.equal(cls.name, 'PatientViewSet');
    assert.deepEqual(cls.bases, ['viewsets.ModelViewSet']);
    const throttle = variable(cls, 'throttle_classes');
    assert.equal(throttle.isField, true);
    assert.equal(throttle.isConstant, false);
    assert.ok(throttle.value?.kind === 'array' && throttle.value.elements[0].kind === 'name');
    const maxPage = variable(cls, 'MAX_PAGE');
    assert.deepEqual([maxPage.type, maxPage.isConstant, maxPage.isField], ['int', true, true]);
    // a = b = None: a is bound to b, b to None
    const a = variable(cls, 'a');
    const b = variable(cls, 'b');
    assert.ok(a.value?.kind === 'name' && a.value.name === 'b');
    assert.equal(b.value?.kind, 'null');
    assert.equal(b.isField, true);
    const method = findAll(cls, 'function')[0];
    assert.equal(method.isMethod, true);
    assert.deepEqual(method.params.map((p) => p.name), ['self']);
    const aug = findAll(method, 'assign')[0];
    assert.equal(aug.operator, '+=');
    assert.ok(aug.target.kind === 'member' && aug.target.object.kind === 'name' && aug.target.object.name === 'self');
    assert.equal(findCall(method, 'Patient.objects.filter')!.args[0].name, 'active');
  });

  it('lowers Enum classes (with or without the enum. prefix) to enums, keeping their methods', async () => {
    const src = [
      'import enum',
      'from enum import StrEnum',
      '@enum.unique',
      'class Channel(StrEnum):',
      '    """Delivery channels."""',
      '    FAX = "fax"',
      '    MAIL: str = "mail"',
      '    PORTAL = enum.auto()',
      'class Kind(str, enum.Enum):',
      '    PATIENT = "Patient"',
      '    def label(self):',
      '        return self.value.lower()',
      'class NotAnEnum(Enumeration):',
      '    X = 1',
    ].join('\n');
    const { root } = await lower('python', src);
    const [channel, kind] = findAll(root, 'enum');
    assert.equal(channel.name, 'Channel');
    assert.deepEqual(channel.members.map((m) => [m.name, stringOf(m.value)?.value ?? m.value?.kind]), [
      ['FAX', 'fax'],
      ['MAIL', 'mail'],
      ['PORTAL', 'call'],
    ]);
    assert.deepEqual(channel.decorators.map(calleeText), ['enum.unique']);
    assert.equal(channel.start, src.indexOf('@enum.unique'));

    assert.equal(kind.name, 'Kind');
    assert.deepEqual(kind.members.map((m) => m.name), ['PATIENT']);
    assert.ok(kind.parent?.kind === 'other');
    const label = findAll(kind.parent!, 'function')[0];
    assert.equal(label.name, 'label');
    assert.equal(label.isMethod, true);

    assert.equal(findAll(root, 'class').map((c) => c.name).join(), 'NotAnEnum');
  });

  it('lowers comprehensions to loops with their filters, nested for clauses as nested loops', async () => {
    const src = [
      'kept = [r for r in resources if r["resourceType"] != "DocumentReference"]',
      'pairs = [(e, t) for e in bundle["entry"] if e if t for t in e["tags"] if t not in BLOCKED]',
      'by_id = {r["id"]: r for r in resources}',
      'ok = any(r.resource_type == "Binary" for r in resources)',
      'uniq = {c for c in CHANNELS}',
    ].join('\n');
    const { root } = await lower('python', src);
    const kept = variable(root, 'kept').value as LoopNode;
    assert.equal(kept.kind, 'loop');
    assert.equal(kept.comprehension, true);
    assert.equal(kept.variable, 'r');
    assert.ok(kept.iterable?.kind === 'name' && kept.iterable.name === 'resources');
    assert.ok(kept.test?.kind === 'binary' && kept.test.operator === '!=');
    assert.ok(kept.test.left.kind === 'index' && stringOf(kept.test.left.index)?.value === 'resourceType');
    assert.equal(stringOf(kept.test.right)?.value, 'DocumentReference');
    assert.ok(kept.body.kind === 'name' && kept.body.name === 'r');
    assert.equal(kept.start, src.indexOf('[r for'));

    const pairs = variable(root, 'pairs').value as LoopNode;
    assert.equal(pairs.variable, 'e');
    assert.ok(pairs.test?.kind === 'binary' && pairs.test.operator === 'and');
    const inner = pairs.body as LoopNode;
    assert.equal(inner.kind, 'loop');
    assert.equal(inner.comprehension, true);
    assert.equal(inner.variable, 't');
    assert.ok(inner.test?.kind === 'binary' && inner.test.operator === 'not in');
    assert.equal(inner.body.kind, 'array');

    const byId = variable(root, 'by_id').value as LoopNode;
    assert.ok(byId.kind === 'loop' && byId.body.kind === 'other' && byId.body.type === 'pair');
    assert.equal(byId.body.children.length, 2);

    const any = findCall(root, 'any')!;
    assert.equal(any.args.length, 1);
    const gen = any.args[0].value;
    assert.ok(gen.kind === 'loop' && gen.comprehension && gen.body.kind === 'binary');

    assert.equal(variable(root, 'uniq').value?.kind, 'loop');
  });

  it('lowers if/elif/else chains, comparisons, boolean operators and conditional expressions', async () => {
    const src = [
      'for entry in bundle["entry"]:',
      '    if entry["resource"]["resourceType"] in EXCLUDED:',
      '        continue',
      '    elif 0 < n <= LIMIT and not x is not None or y not in z:',
      '        break',
      '    elif n is None:',
      '        pass',
      '    else:',
      '        out.append(entry if keep else None)',
    ].join('\n');
    const { root } = await lower('python', src);
    const loop = findAll(root, 'loop')[0];
    assert.equal(loop.variable, 'entry');
    assert.ok(loop.comprehension !== true);
    const first = findAll(root, 'if')[0];
    assert.ok(first.test.kind === 'binary' && first.test.operator === 'in');
    assert.ok(first.test.right.kind === 'name' && first.test.right.name === 'EXCLUDED');
    assert.ok(first.consequent.kind === 'block' && first.consequent.body[0].kind === 'continue');

    const elif = first.alternate;
    assert.ok(elif?.kind === 'if');
    assert.equal(elif.start, src.indexOf('elif 0'));
    const t = elif.test;
    assert.ok(t.kind === 'binary' && t.operator === 'or');
    assert.ok(t.left.kind === 'binary' && t.left.operator === 'and');
    const chain = t.left.left;
    assert.ok(chain.kind === 'binary' && chain.operator === 'and');
    assert.ok(chain.left.kind === 'binary' && chain.left.operator === '<');
    assert.ok(chain.right.kind === 'binary' && chain.right.operator === '<=');
    assert.ok(chain.right.left.kind === 'name' && chain.right.left.name === 'n');
    assert.equal(src.slice(chain.right.start, chain.right.end), 'n <= LIMIT');
    const notIs = t.left.right;
    assert.ok(notIs.kind === 'unary' && notIs.operator === 'not' && notIs.operand.kind === 'binary' && notIs.operand.operator === 'is not');
    assert.ok(notIs.operand.right.kind === 'null');
    assert.ok(t.right.kind === 'binary' && t.right.operator === 'not in');

    const third = elif.alternate;
    assert.ok(third?.kind === 'if' && third.test.kind === 'binary' && third.test.operator === 'is');
    assert.ok(third.alternate?.kind === 'block');
    const cond = findAll(root, 'conditional')[0];
    assert.ok(cond.test.kind === 'name' && cond.test.name === 'keep');
    assert.ok(cond.consequent.kind === 'name' && cond.consequent.name === 'entry');
    assert.equal(cond.alternate.kind, 'null');
  });

  it('decodes string literals: prefixes, quotes, escapes, raw and byte strings, implicit concatenation', async () => {
    const src = [
      `a = "tab\\tnew\\nq\\"x\\x41\\101\\u00e9\\U0001F600\\d"`,
      `b = r'\\d+\\n' R"\\w"`,
      `c = """triple\nline""" '''x'''`,
      `d = b'\\x41\\n' rb"\\x41" Br'\\n'`,
      `e = u"\\N{BULLET}" U'\\u00e9'`,
      `f = ("Patient"`,
      `     "Observation")`,
      `g = f"{a!r:>{w}} and {{b}}" F'x' rf"\\d{y}"`,
      `h = "line\\`,
      `continued"`,
    ].join('\n');
    const { root } = await lower('python', src);
    const value = (name: string) => stringOf(variable(root, name).value)!;
    assert.equal(value('a').value, 'tab\tnew\nq"xAAé😀\\d');
    assert.equal(value('a').interpolated, false);
    assert.equal(value('b').value, '\\d+\\n\\w');
    assert.equal(value('c').value, 'triple\nlinex');
    assert.equal(value('d').value, 'A\n\\x41\\n');
    assert.equal(value('e').value, '\\N{BULLET}é');
    assert.equal(value('f').value, 'PatientObservation');
    assert.equal(variable(root, 'f').value?.kind, 'string');
    assert.equal(value('g').value, '… and {b}x\\d…');
    assert.equal(value('g').interpolated, true);
    const g = variable(root, 'g').value!;
    assert.ok(g.kind === 'other' && g.type === 'concatenated_string');
    assert.deepEqual(
      g.children.slice(1).map((c) => c.kind === 'name' && c.name),
      ['a', 'w', 'y'],
    );
    assert.equal(value('h').value, 'linecontinued');
    assert.equal(decodePythonString('{{x}}', false, false, false), '{{x}}');
    assert.equal(decodePythonString('\\0\\777', false, false, false), '\0\u01ff');
  });

  it('lowers imports: plain, dotted with alias, from-imports, relative, wildcard, __future__', async () => {
    const src = [
      'import os',
      'import a.b as c, requests',
      'import flask_limiter.util',
      'from flask_limiter import Limiter, util as lutil',
      'from . import views',
      'from ..fhir.models import *',
      'from __future__ import annotations',
      'from rest_framework.throttling import (UserRateThrottle,',
      '    AnonRateThrottle)',
    ].join('\n');
    const { root } = await lower('python', src);
    const imports = findAll(root, 'import').map((i) => [i.source, i.names]);
    assert.deepEqual(imports, [
      ['os', [{ imported: '*', local: 'os' }]],
      ['a.b', [{ imported: '*', local: 'c' }]],
      ['requests', [{ imported: '*', local: 'requests' }]],
      ['flask_limiter.util', [{ imported: '*', local: 'flask_limiter.util' }]],
      [
        'flask_limiter',
        [
          { imported: 'Limiter', local: 'Limiter' },
          { imported: 'util', local: 'lutil' },
        ],
      ],
      ['.', [{ imported: 'views', local: 'views' }]],
      ['..fhir.models', [{ imported: '*', local: '*' }]],
      ['__future__', [{ imported: 'annotations', local: 'annotations' }]],
      [
        'rest_framework.throttling',
        [
          { imported: 'UserRateThrottle', local: 'UserRateThrottle' },
          { imported: 'AnonRateThrottle', local: 'AnonRateThrottle' },
        ],
      ],
    ]);
    const multi = findAll(root, 'import', (i) => i.source === 'a.b')[0];
    assert.ok(multi.parent?.kind === 'other' && multi.parent.type === 'import_statement');
  });

  it('lowers retry loops: try/except/else/finally, while, for-else, with, raise from', async () => {
    const src = [
      'def fetch(url):',
      '    delay = 1',
      '    while attempts < MAX_RETRIES:',
      '        try:',
      '            with httpx.Client(timeout=10) as client, lock:',
      '                return client.get(url)',
      '        except (httpx.TimeoutException, ConnectionError) as exc:',
      '            time.sleep(delay)',
      '            delay *= 2',
      '        except requests.HTTPError:',
      '            raise RuntimeError("failed") from None',
      '        except:',
      '            raise',
      '        else:',
      '            log.info("ok")',
      '        finally:',
      '            audit_log.info("fetch", extra={"url": url})',
      '    for i in range(3):',
      '        pass',
      '    else:',
      '        raise TimeoutError("gave up") from make_cause(url)',
    ].join('\n');
    const { root } = await lower('python', src);
    const loop = findAll(root, 'loop')[0];
    assert.ok(loop.test?.kind === 'binary' && loop.test.operator === '<');
    const tryNode = findAll(root, 'try')[0];
    assert.deepEqual(
      tryNode.handlers.map((h) => [h.param, h.types]),
      [
        ['exc', ['httpx.TimeoutException', 'ConnectionError']],
        [undefined, ['requests.HTTPError']],
        [undefined, []],
      ],
    );
    assert.ok(findCall(tryNode.handlers[0].body, 'time.sleep'));
    assert.equal(findAll(tryNode.handlers[0].body, 'assign')[0].operator, '*=');
    const rethrow = findAll(tryNode.handlers[2].body, 'throw')[0];
    assert.equal(rethrow.value, undefined);
    assert.ok(tryNode.finalizer && findCall(tryNode.finalizer, 'audit_log.info'));
    // the else block is kept beside the try
    assert.ok(tryNode.parent?.kind === 'other' && tryNode.parent.type === 'try_statement');
    assert.ok(findCall(tryNode.parent, 'log.info'));

    const withNode = findAll(root, 'other', (o) => o.type === 'with_statement')[0];
    assert.ok(findCall(withNode, 'httpx.Client'));
    assert.ok(findAll(withNode, 'return').length === 1);
    assert.ok(findAll(withNode, 'name', (n) => n.name === 'client').length > 0);

    const forLoop = findAll(root, 'loop', (l) => l.variable === 'i')[0];
    assert.ok(forLoop.parent?.kind === 'other' && forLoop.parent.type === 'for_statement');
    assert.ok(findCall(forLoop.parent, 'make_cause'));
    assert.ok(findCall(forLoop.parent, 'TimeoutError'));
    assert.equal(findAll(root, 'throw').length, 3);
  });

  it('lowers match to switch, with union patterns as several tests and _ as the default', async () => {
    const src = [
      'match channel:',
      '    case "fax" | "mail":',
      '        send(channel)',
      '    case Channel.PORTAL if enabled:',
      '        publish()',
      '    case _:',
      '        abort(403)',
    ].join('\n');
    const { root } = await lower('python', src);
    const sw = findAll(root, 'switch')[0];
    assert.ok(sw.discriminant.kind === 'name' && sw.discriminant.name === 'channel');
    assert.equal(sw.cases.length, 3);
    assert.deepEqual(sw.cases[0].tests.map((t) => stringOf(t)?.value), ['fax', 'mail']);
    assert.ok(findCall(sw.cases[0].body[0], 'send'));
    const member = sw.cases[1].tests[0];
    assert.ok(member.kind === 'member' && member.property === 'PORTAL');
    assert.ok(sw.cases[1].body[0].kind === 'other' && sw.cases[1].body[0].type === 'if_clause');
    assert.deepEqual(sw.cases[2].tests, []);
    assert.ok(findCall(sw.cases[2].body[0], 'abort'));
  });

  it('lowers assignment targets: annotated names, tuples, attributes, subscripts, walrus; splats and lambdas', async () => {
    const src = [
      'timeout: float = 2.5',
      'pending: list',
      'host, port = "localhost", 8080',
      'settings.RATE = "5/m"',
      'headers["Retry-After"] = "60"',
      'if (n := len(items)) > 10: pass',
      'resp = call(*args, key=1, **kwargs)',
      'key_func = lambda request: request.remote_addr',
      'x = -1 + 2 ** 3',
    ].join('\n');
    const { root } = await lower('python', src);
    const timeout = variable(root, 'timeout');
    assert.deepEqual([timeout.type, timeout.isConstant, timeout.value?.kind], ['float', false, 'number']);
    const pending = variable(root, 'pending');
    assert.deepEqual([pending.type, pending.value], ['list', undefined]);
    const assigns = findAll(root, 'assign');
    assert.deepEqual(
      assigns.map((a) => [a.operator, a.target.kind]),
      [
        ['=', 'array'],
        ['=', 'member'],
        ['=', 'index'],
        [':=', 'name'],
      ],
    );
    assert.ok(assigns[0].value.kind === 'array' && assigns[0].value.elements.length === 2);
    const call = findCall(root, 'call')!;
    assert.deepEqual(
      call.args.map((a) => [a.name, a.value.kind, a.value.kind === 'other' ? a.value.type : '']),
      [
        [undefined, 'other', 'list_splat'],
        ['key', 'number', ''],
        [undefined, 'other', 'dictionary_splat'],
      ],
    );
    const lambda = variable(root, 'key_func').value;
    assert.ok(lambda?.kind === 'function' && lambda.isLambda && lambda.body?.kind === 'member');
    assert.deepEqual(lambda.params.map((p) => p.name), ['request']);
    const x = variable(root, 'x').value;
    assert.ok(x?.kind === 'binary' && x.operator === '+' && x.left.kind === 'unary' && x.left.operator === '-');
    assert.ok(x.right.kind === 'binary' && x.right.operator === '**');
  });

  it('collects comments separately and drops line continuations', async () => {
    const src = ['# module comment', 'x = 1 + \\', '    2  # trailing', 'def f():', '    # inside', '    return x'].join('\n');
    const { root, comments } = await lower('python', src);
    assert.deepEqual(
      comments.map((c) => c.text),
      ['# module comment', '# trailing', '# inside'],
    );
    assert.equal(comments[1].start, src.indexOf('# trailing'));
    const x = variable(root, 'x').value;
    assert.ok(x?.kind === 'binary' && x.left.kind === 'number' && x.right.kind === 'number');
    assert.ok(findAll(root, 'return').length === 1);
  });

  it('keeps lowering the parts that parse when the file has a syntax error', async () => {
    const src = ['x = = 1', 'time.sleep(3)', 'def f():', '    return 1 +', 'app.add_url_rule("/fhir", view_func=v)'].join('\n');
    const { root, syntaxErrors } = await lower('python', src);
    assert.ok(syntaxErrors.length > 0);
    assert.ok(findCall(root, 'time.sleep'));
    const rule = findCall(root, 'app.add_url_rule')!;
    assert.equal(rule.args[1].name, 'view_func');
    assert.equal(findAll(root, 'function')[0].name, 'f');
  });

  it('gives offsets in UTF-16 code units, matching String indices', async () => {
    const src = `s = "héllo😀 — ✓"\n# ünïcode 🚀\n@app.get("/x")\ndef h(): time.sleep(1)\n`;
    const { root, comments } = await lower('python', src);
    assert.equal(findCall(root, 'time.sleep')!.start, src.indexOf('time.sleep'));
    assert.equal(findAll(root, 'function')[0].start, src.indexOf('@app.get'));
    assert.equal(stringOf(variable(root, 's').value)?.value, 'héllo😀 — ✓');
    assert.equal(comments[0].start, src.indexOf('# ü'));
    assert.equal(comments[0].text, '# ünïcode 🚀');
  });
});
