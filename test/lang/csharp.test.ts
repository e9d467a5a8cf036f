import * as assert from 'node:assert/strict';
import type { CallNode, IrNode } from '../../server/src/core/ir';
import { forEachChild } from '../../server/src/core/ir';
import { calleeText, findAll, findCall, lower } from '../helpers/ir';

/** Every node is reached once, its parent is the node that holds it, and its span lies in the text. */
function assertWellFormed(root: IrNode, text: string): void {
  const seen = new Set<IrNode>();
  const visit = (node: IrNode): void => {
    assert.ok(!seen.has(node), `${node.kind} at ${node.start} is shared`);
    seen.add(node);
    assert.ok(node.start >= 0 && node.start <= node.end && node.end <= text.length, `${node.kind} span ${node.start}-${node.end}`);
    forEachChild(node, (child) => {
      assert.equal(child.parent, node);
      visit(child);
    });
  };
  visit(root);
}

/** The decoded value of a `string` node, or undefined. */
function str(node: IrNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** Decorator callee names. */
function decoratorNames(decorators: CallNode[]): string[] {
  return decorators.map((d) => calleeText(d));
}

/** Argument of a call by name, for named / keyword arguments. */
function namedArg(call: CallNode, name: string): IrNode | undefined {
  return call.args.find((a) => a.name === name)?.value;
}

describe('C# lowering', () => {
  it('lowers an ASP.NET Core controller: attributes, routes, rate limiting, 403s and delays', async () => {
    const src = [
      'using Microsoft.AspNetCore.Mvc;',
      'namespace Clinic.Fhir.Api;',
      '',
      '[ApiController]',
      '[Route("api/[controller]"), Authorize(Policy = "clinician")]',
      'public class PatientController : ControllerBase, IDisposable',
      '{',
      '    [HttpGet("Patient/{id}")]',
      '    [EnableRateLimiting("fixed")]',
      '    public async Task<IActionResult> Read([FromRoute] string id, CancellationToken ct = default)',
      '    {',
      '        await Task.Delay(2000, ct);',
      '        Thread.Sleep(500);',
      '        if (!User.IsInRole("admin")) return Forbid();',
      '        return StatusCode(403, new { error = "blocked", id });',
      '    }',
      '',
      '    [DisableRateLimiting]',
      '    [Obsolete("use v2", error: false)]',
      '    [HttpPost]',
      '    public IActionResult Create() => throw new UnauthorizedAccessException("no");',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);

    // File-scoped namespace: the class is a direct member of the file.
    const cls = findAll(root, 'class')[0];
    assert.equal(cls.parent, root);
    assert.equal(cls.name, 'PatientController');
    assert.deepEqual(cls.bases, ['ControllerBase', 'IDisposable']);
    assert.deepEqual(decoratorNames(cls.decorators), ['ApiController', 'Route', 'Authorize']);
    assert.equal(cls.start, src.indexOf('[ApiController]'));
    assert.equal(cls.decorators[0].args.length, 0);
    assert.equal(str(cls.decorators[1].args[0].value), 'api/[controller]');
    assert.equal(str(namedArg(cls.decorators[2], 'Policy')), 'clinician');

    const [read, create] = findAll(root, 'function', (f) => f.isMethod);
    assert.equal(read.name, 'Read');
    assert.equal(read.isAsync, true);
    assert.equal(read.returnType, 'Task<IActionResult>');
    assert.equal(read.start, src.indexOf('[HttpGet('));
    assert.deepEqual(decoratorNames(read.decorators), ['HttpGet', 'EnableRateLimiting']);
    assert.equal(str(read.decorators[0].args[0].value), 'Patient/{id}');
    assert.deepEqual(read.params.map((p) => [p.name, p.type]), [
      ['id', 'string'],
      ['ct', 'CancellationToken'],
    ]);
    assert.deepEqual(decoratorNames(read.params[0].decorators), ['FromRoute']);
    assert.equal(read.bodyStart, src.indexOf('{\n        await'));

    const delay = findCall(read, 'Task.Delay')!;
    assert.equal(delay.parent?.kind === 'unary' && delay.parent.operator, 'await');
    assert.equal(delay.args[0].value.kind === 'number' && delay.args[0].value.value, 2000);
    assert.ok(findCall(read, 'Thread.Sleep'));
    assert.equal(findAll(read, 'unary', (u) => u.operator === '!').length, 1);
    const forbid = findCall(read, 'Forbid')!;
    assert.equal(forbid.parent?.kind, 'return');
    const status = findCall(read, 'StatusCode')!;
    assert.equal(status.args[0].value.kind === 'number' && status.args[0].value.value, 403);
    const body = status.args[1].value;
    assert.equal(body.kind, 'object');
    assert.deepEqual(body.kind === 'object' && body.properties.map((p) => p.key), ['error', 'id']);

    assert.deepEqual(decoratorNames(create.decorators), ['DisableRateLimiting', 'Obsolete', 'HttpPost']);
    assert.deepEqual(create.decorators[1].args.map((a) => a.name), [undefined, 'error']);
    assert.equal(create.body?.kind, 'throw');
    const thrown = create.body?.kind === 'throw' ? create.body.value : undefined;
    assert.equal(thrown?.kind === 'call' && thrown.isNew && calleeText(thrown), 'UnauthorizedAccessException');
    const imp = findAll(root, 'import')[0];
    assert.equal(imp.source, 'Microsoft.AspNetCore.Mvc');
  });

  it('lowers minimal API route registrations and rate limiter setup', async () => {
    const src = [
      'var builder = WebApplication.CreateBuilder(args);',
      'builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("fixed", opt => { opt.PermitLimit = 5; opt.Window = TimeSpan.FromMinutes(1); }));',
      'builder.Services.AddRateLimiter(o => o.AddPolicy<string, FhirPolicy>("per-client"));',
      'var app = builder.Build();',
      'var fhir = app.MapGroup("/fhir");',
      'app.MapGet("/fhir/Patient/{id}", async (string id, IPatientStore s) => await s.GetAsync(id)).RequireRateLimiting("fixed");',
      'fhir.MapGet("/Binary/{id}", static (string id) => Results.Forbid());',
      'fhir.MapPost("/Bundle", () => TypedResults.Forbid());',
      'app.Run();',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);

    const group = findAll(root, 'variable', (v) => v.name === 'fhir')[0];
    assert.equal(group.value?.kind === 'call' && calleeText(group.value), 'app.MapGroup');

    const limited = findCall(root, 'app.MapGet().RequireRateLimiting')!;
    assert.equal(str(limited.args[0].value), 'fixed');
    const mapGet = findCall(root, 'app.MapGet')!;
    assert.equal(str(mapGet.args[0].value), '/fhir/Patient/{id}');
    const handler = mapGet.args[1].value;
    assert.equal(handler.kind, 'function');
    if (handler.kind !== 'function') return;
    assert.equal(handler.isLambda, true);
    assert.equal(handler.isAsync, true);
    assert.deepEqual(handler.params.map((p) => `${p.type} ${p.name}`), ['string id', 'IPatientStore s']);
    assert.equal(handler.body?.kind === 'unary' && handler.body.operator, 'await');

    assert.ok(findCall(root, 'Results.Forbid'));
    assert.ok(findCall(root, 'TypedResults.Forbid'));
    assert.equal(str(findCall(root, 'fhir.MapPost')!.args[0].value), '/Bundle');

    const fixed = findCall(root, 'o.AddFixedWindowLimiter')!;
    assert.equal(str(fixed.args[0].value), 'fixed');
    const configure = fixed.args[1].value;
    assert.equal(configure.kind === 'function' && configure.params[0].name, 'opt');
    const assigns = findAll(configure, 'assign');
    assert.deepEqual(
      assigns.map((a) => (a.target.kind === 'member' ? a.target.property : '')),
      ['PermitLimit', 'Window'],
    );
    assert.equal(assigns[0].value.kind === 'number' && assigns[0].value.value, 5);
    assert.ok(findCall(configure, 'TimeSpan.FromMinutes'));
    // Generic method: the callee drops its type arguments.
    const policy = findCall(root, 'o.AddPolicy')!;
    assert.equal(str(policy.args[0].value), 'per-client');
  });

  it('lowers Firely SDK filters, LINQ, pattern matching and filtered loops', async () => {
    const src = [
      'public class Exporter {',
      '  public Bundle Filter(Bundle bundle, IEnumerable<Resource> resources) {',
      '    bundle.Entry.RemoveAll(e => e.Resource is DocumentReference);',
      '    var kept = resources.Where(r => r.TypeName != "DocumentReference").ToList();',
      '    var type = ResourceType.Observation;',
      '    foreach (var entry in bundle.Entry) {',
      '      if (entry.Resource.TypeName == "DocumentReference") continue;',
      '      if (entry.Resource is not Patient) break;',
      '    }',
      '    var ids = from r in resources where r.TypeName != "Binary" select r.Id;',
      '    if (bundle is null || bundle.Entry.Count == 0) return null;',
      '    if (entry is { TypeName: "Consent" }) { }',
      '    return bundle;',
      '  }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);

    const removeAll = findCall(root, 'bundle.Entry.RemoveAll')!;
    const predicate = removeAll.args[0].value;
    assert.equal(predicate.kind, 'function');
    const isTest = predicate.kind === 'function' ? predicate.body : undefined;
    assert.equal(isTest?.kind === 'binary' && isTest.operator, 'is');
    assert.equal(isTest?.kind === 'binary' && isTest.right.kind === 'name' && isTest.right.name, 'DocumentReference');

    const where = findCall(root, 'resources.Where')!;
    const cmp = findAll(where, 'binary', (b) => b.operator === '!=')[0];
    assert.equal(cmp.left.kind === 'member' && cmp.left.property, 'TypeName');
    assert.equal(str(cmp.right), 'DocumentReference');

    const type = findAll(root, 'variable', (v) => v.name === 'type')[0];
    assert.deepEqual(type.value?.kind === 'member' && [type.value.property, type.value.object.kind === 'name' && type.value.object.name], [
      'Observation',
      'ResourceType',
    ]);

    const loop = findAll(root, 'loop', (l) => !l.comprehension)[0];
    assert.equal(loop.variable, 'entry');
    assert.equal(loop.iterable?.kind === 'member' && loop.iterable.property, 'Entry');
    const [skip, stop] = findAll(loop, 'if');
    assert.equal(skip.test.kind === 'binary' && skip.test.operator, '==');
    assert.equal(str(skip.test.kind === 'binary' ? skip.test.right : undefined), 'DocumentReference');
    assert.equal(skip.consequent.kind, 'continue');
    assert.equal(stop.test.kind === 'binary' && stop.test.operator, 'is not');

    const query = findAll(root, 'loop', (l) => l.comprehension === true)[0];
    assert.equal(query.variable, 'r');
    assert.equal(query.iterable?.kind === 'name' && query.iterable.name, 'resources');
    assert.equal(query.test?.kind === 'binary' && str(query.test.right), 'Binary');
    assert.equal(query.body.kind === 'member' && query.body.property, 'Id');

    // `x is null || ...` is `(x is null) || ...`, not `x is (null || ...)`.
    const nullCheck = findAll(root, 'binary', (b) => b.operator === '||')[0];
    assert.equal(nullCheck.left.kind === 'binary' && nullCheck.left.operator, 'is');
    assert.equal(nullCheck.left.kind === 'binary' && nullCheck.left.right.kind, 'null');
    assert.equal(nullCheck.right.kind === 'binary' && nullCheck.right.operator, '==');

    const propertyPattern = findAll(root, 'binary', (b) => b.operator === 'is' && b.right.kind === 'object')[0];
    const pattern = propertyPattern.right;
    assert.deepEqual(pattern.kind === 'object' && pattern.properties.map((p) => [p.key, str(p.value)]), [['TypeName', 'Consent']]);
  });

  it('lowers collections, initializers and anonymous objects', async () => {
    const src = [
      'class Lists {',
      '  static readonly string[] Types = new[] { "Patient", "Observation" };',
      '  static readonly string[] Typed = new string[] { "Encounter" };',
      '  static readonly List<string> Channels = new List<string> { "fax", "mail" };',
      '  static readonly HashSet<string> Blocked = new HashSet<string>(StringComparer.Ordinal) { "DocumentReference" };',
      '  static readonly string[] Modern = ["Condition", "Procedure"];',
      '  static readonly int[] Plain = { 1, 2 };',
      '  static readonly Dictionary<string, int> Limits = new() { ["Patient"] = 5, ["Observation"] = 10 };',
      '  void M() {',
      '    var opts = new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };',
      '    var err = new { error = "forbidden", code = 403 };',
      '    var sb = new System.Text.StringBuilder();',
      '  }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);
    const field = (name: string) => findAll(root, 'variable', (v) => v.name === name)[0];
    const strings = (n: IrNode | undefined) => (n?.kind === 'array' ? n.elements.map(str) : undefined);

    assert.deepEqual(strings(field('Types').value), ['Patient', 'Observation']);
    assert.deepEqual(strings(field('Typed').value), ['Encounter']);
    assert.deepEqual(strings(field('Modern').value), ['Condition', 'Procedure']);
    assert.equal(field('Plain').value?.kind, 'array');

    const channels = field('Channels').value;
    assert.equal(channels?.kind, 'call');
    if (channels?.kind !== 'call') return;
    assert.equal(channels.isNew, true);
    assert.equal(calleeText(channels), 'List');
    assert.deepEqual(strings(channels.initializer), ['fax', 'mail']);

    const blocked = field('Blocked').value;
    assert.equal(blocked?.kind === 'call' && calleeText(blocked), 'HashSet');
    assert.equal(blocked?.kind === 'call' && blocked.args.length, 1);
    assert.deepEqual(blocked?.kind === 'call' ? strings(blocked.initializer) : undefined, ['DocumentReference']);

    // `new()` takes the declared type; `["k"] = v` initializers are object properties.
    const limits = field('Limits').value;
    assert.equal(limits?.kind === 'call' && calleeText(limits), 'Dictionary');
    const limitInit = limits?.kind === 'call' ? limits.initializer : undefined;
    assert.deepEqual(limitInit?.kind === 'object' && limitInit.properties.map((p) => p.key), ['Patient', 'Observation']);

    const opts = field('opts').value;
    assert.equal(opts?.kind === 'call' && opts.isNew && calleeText(opts), 'FixedWindowRateLimiterOptions');
    const init = opts?.kind === 'call' ? opts.initializer : undefined;
    assert.equal(init?.kind, 'object');
    if (init?.kind !== 'object') return;
    assert.deepEqual(init.properties.map((p) => p.key), ['PermitLimit', 'Window', 'QueueLimit']);
    assert.equal(init.properties[0].value.kind === 'number' && init.properties[0].value.value, 5);
    assert.equal(init.properties[0].keyStart, src.indexOf('PermitLimit = 5'));

    const err = field('err').value;
    assert.equal(err?.kind, 'object');
    assert.deepEqual(err?.kind === 'object' && err.properties.map((p) => [p.key, p.value.kind]), [
      ['error', 'string'],
      ['code', 'number'],
    ]);
    const sb = field('sb').value;
    assert.equal(sb?.kind === 'call' && calleeText(sb), 'System.Text.StringBuilder');
  });

  it('marks constants, fields and properties, and lowers enums and records', async () => {
    const num = (n: IrNode | undefined) => (n?.kind === 'number' ? n.value : undefined);
    const src = [
      'namespace Clinic.Config',
      '{',
      '    public static class Limits',
      '    {',
      '        public const int MAX_REQUESTS = 5;',
      '        public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);',
      '        private readonly ILogger _log;',
      '        private int _count = 0, _total;',
      '        public string Policy { get; } = "fixed";',
      '        public int Permits { get; set; } = 10;',
      '        public string Channel => "fax";',
      '        public string Name { get { return "n"; } }',
      '        [JsonIgnore] public string Secret { get; set; }',
      '        [Required] private string _first, _last;',
      '    }',
      '    public enum Channel { Fax = 1, Mail, Portal }',
      '    [Flags] enum Scope { None = 0, [EnumMember(Value = "patient/*.read")] PatientRead = 1 }',
      '    public record Consent(string PatientId, [property: JsonPropertyName("scope")] string Scope);',
      '    public interface IStore { Task<Patient> GetAsync(string id); }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);
    const v = (name: string) => findAll(root, 'variable', (x) => x.name === name)[0];

    // Block-scoped namespace: members are spliced in.
    const classes = findAll(root, 'class');
    assert.deepEqual(classes.map((c) => c.name), ['Limits', 'Consent', 'IStore']);
    assert.equal(classes[0].parent, root);

    assert.deepEqual([v('MAX_REQUESTS').isConstant, v('MAX_REQUESTS').isField, v('MAX_REQUESTS').type], [true, true, 'int']);
    assert.equal(num(v('MAX_REQUESTS').value), 5);
    assert.equal(v('Window').isConstant, true);
    assert.ok(v('Window').value?.kind === 'call');
    assert.equal(v('_log').isConstant, true);
    assert.equal(v('_log').value, undefined);
    assert.equal(v('_count').isConstant, false);
    const pair = v('_count').parent!;
    assert.equal(pair.kind === 'other' && pair.children.length, 2);

    assert.equal(str(v('Policy').value), 'fixed');
    assert.equal(v('Policy').isConstant, true);
    assert.equal(v('Permits').isConstant, false);
    assert.equal(num(v('Permits').value), 10);
    assert.equal(str(v('Channel').value), 'fax');
    assert.equal(str(v('Name').value), 'n');
    assert.deepEqual(decoratorNames(v('Secret').decorators), ['JsonIgnore']);
    assert.equal(v('Secret').start, src.indexOf('[JsonIgnore]'));
    // Attributes on a multi-declarator field decorate each variable, as distinct nodes.
    assert.deepEqual(decoratorNames(v('_first').decorators), ['Required']);
    assert.deepEqual(decoratorNames(v('_last').decorators), ['Required']);
    assert.notEqual(v('_first').decorators[0], v('_last').decorators[0]);

    const [channel, scope] = findAll(root, 'enum');
    assert.equal(channel.name, 'Channel');
    assert.deepEqual(channel.members.map((m) => m.name), ['Fax', 'Mail', 'Portal']);
    assert.equal(channel.members[0].value?.kind === 'number' && channel.members[0].value.value, 1);
    assert.deepEqual(decoratorNames(scope.decorators), ['Flags']);
    // Attributes on an enum member are kept in an `other` wrapper around its value.
    const wrapped = scope.members[1].value;
    assert.equal(wrapped?.kind, 'other');
    const memberAttr = wrapped?.kind === 'other' ? wrapped.children[0] : undefined;
    assert.equal(memberAttr?.kind === 'call' && memberAttr.isDecorator && str(namedArg(memberAttr, 'Value')), 'patient/*.read');

    const consent = classes[1];
    const fields = consent.members.filter((m) => m.kind === 'variable');
    assert.deepEqual(fields.map((f) => f.kind === 'variable' && [f.name, f.type, f.isField]), [
      ['PatientId', 'string', true],
      ['Scope', 'string', true],
    ]);
    const scopeField = fields[1];
    assert.equal(scopeField.kind === 'variable' && str(scopeField.decorators[0].args[0].value), 'scope');

    const store = classes[2];
    assert.equal(store.isInterface, true);
    const get = store.members[0];
    assert.equal(get.kind === 'function' && get.body, undefined);
    assert.equal(get.kind === 'function' && get.returnType, 'Task<Patient>');
  });

  it('decodes regular, verbatim, raw and interpolated strings', async () => {
    const src = [
      'var a = "tab\\there \\"q\\" \\u00e9";',
      'var b = @"C:\\fhir\\""x""";',
      'var c = """',
      '    {"resourceType": "Patient"}',
      '      indented',
      '    """;',
      'var d = $"Patient/{id}/_history/{version:D} {{literal}}";',
      'var e = $@"C:\\{dir}\\""q""";',
      'var f = $"""{"{"}"x": {value}}""";',
      "var g = 'x';",
      'var h = "abc"u8;',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);
    const v = (name: string) => findAll(root, 'variable', (x) => x.name === name)[0].value;
    assert.equal(str(v('a')), 'tab\there "q" é');
    assert.equal(str(v('b')), 'C:\\fhir\\"x"');
    assert.equal(str(v('c')), '{"resourceType": "Patient"}\n  indented');
    const d = v('d');
    assert.equal(d?.kind, 'other');
    if (d?.kind !== 'other') return;
    const dStr = d.children[0];
    assert.equal(dStr.kind === 'string' && dStr.interpolated, true);
    assert.equal(str(dStr), 'Patient/…/_history/… {literal}');
    assert.deepEqual(d.children.slice(1).map((c) => c.kind === 'name' && c.name), ['id', 'version']);
    const e = v('e');
    assert.equal(e?.kind === 'other' ? str(e.children[0]) : undefined, 'C:\\…\\"q"');
    const f = v('f');
    assert.equal(f?.kind === 'other' && f.children[0].kind === 'string' && f.children[0].interpolated, true);
    assert.equal(str(v('g')), 'x');
    assert.equal(str(v('h')), 'abc');
  });

  it('lowers switch statements and switch expressions', async () => {
    const src = [
      'class Router {',
      '  string Deliver(string channel, object o) {',
      '    switch (channel) {',
      '      case "fax":',
      '      case "mail":',
      '        Send(channel);',
      '        break;',
      '      case string s when s.StartsWith("x"):',
      '        break;',
      '      default:',
      '        throw new NotSupportedException(channel);',
      '    }',
      '    return o switch {',
      '      Patient p => "patient",',
      '      "a" or "b" => "letter",',
      '      _ => throw new ArgumentException(nameof(o)),',
      '    };',
      '  }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);
    const [statement, expression] = findAll(root, 'switch');
    assert.equal(statement.discriminant.kind === 'name' && statement.discriminant.name, 'channel');
    assert.deepEqual(statement.cases.map((c) => c.tests.map((t) => str(t) ?? t.kind)), [['fax'], ['mail'], ['name', 'other'], []]);
    assert.equal(statement.cases[1].body.length, 2);
    assert.equal(statement.cases[3].body[0].kind, 'throw');

    assert.equal(expression.parent?.kind, 'return');
    assert.equal(expression.cases.length, 3);
    assert.equal(expression.cases[0].tests[0].kind === 'name' && expression.cases[0].tests[0].name, 'Patient');
    assert.equal(str(expression.cases[0].body[0]), 'patient');
    const or = expression.cases[1].tests[0];
    assert.equal(or.kind === 'binary' && or.operator, 'or');
    assert.deepEqual(expression.cases[2].tests, []);
    assert.equal(expression.cases[2].body[0].kind, 'throw');
  });

  it('lowers try/catch with exception filters, throw expressions, local functions and named arguments', async () => {
    const src = [
      'using static System.Math;',
      'using Fhir = Hl7.Fhir.Model;',
      'global using System.Linq;',
      'class Client {',
      '  async Task<Patient> Get(string id) {',
      '    try {',
      '      return await _client.ReadAsync<Patient>(location: $"Patient/{id}", ifNoneMatch: null);',
      '    } catch (FhirOperationException ex) when (ex.Status == HttpStatusCode.Forbidden) {',
      '      _audit.Log(action: "read", outcome: 403);',
      '      throw;',
      '    } catch (Exception) {',
      '    } finally { Cleanup(); }',
      '    var name = id ?? throw new ArgumentNullException(nameof(id));',
      '    int Twice(int x) => x * 2;',
      '    Func<int, int> f = delegate (int y) { return y; };',
      '    return (Patient)cache[id]?.Value;',
      '  }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.deepEqual(syntaxErrors, []);
    const imports = findAll(root, 'import');
    assert.deepEqual(imports.map((i) => [i.source, i.names[0].local]), [
      ['System.Math', 'Math'],
      ['Hl7.Fhir.Model', 'Fhir'],
      ['System.Linq', 'Linq'],
    ]);

    const tryNode = findAll(root, 'try')[0];
    assert.equal(tryNode.handlers.length, 2);
    const [filtered, plain] = tryNode.handlers;
    assert.deepEqual([filtered.param, filtered.types], ['ex', ['FhirOperationException']]);
    assert.equal(filtered.body.kind, 'if');
    if (filtered.body.kind !== 'if') return;
    assert.equal(filtered.body.test.kind === 'binary' && filtered.body.test.right.kind === 'member' && filtered.body.test.right.property, 'Forbidden');
    assert.equal(findAll(filtered.body.consequent, 'throw').length, 1);
    assert.deepEqual([plain.param, plain.types], [undefined, ['Exception']]);
    assert.ok(tryNode.finalizer && findCall(tryNode.finalizer, 'Cleanup'));

    const read = findCall(root, '_client.ReadAsync')!;
    assert.deepEqual(read.args.map((a) => a.name), ['location', 'ifNoneMatch']);
    assert.equal(read.args[1].value.kind, 'null');
    const audit = findCall(root, '_audit.Log')!;
    assert.equal(str(namedArg(audit, 'action')), 'read');

    const coalesce = findAll(root, 'binary', (b) => b.operator === '??')[0];
    assert.equal(coalesce.right.kind, 'throw');
    const local = findAll(root, 'function', (f) => f.name === 'Twice')[0];
    assert.deepEqual([local.isMethod, local.isLambda, local.body?.kind], [false, false, 'binary']);
    const anon = findAll(root, 'function', (f) => f.isLambda)[0];
    assert.equal(anon.params[0].name, 'y');

    // Casts are transparent; `?.` is a member, `[ ]` an index.
    const ret = findAll(root, 'return').at(-1)!;
    assert.equal(ret.value?.kind === 'member' && ret.value.property, 'Value');
    assert.equal(ret.value?.kind === 'member' && ret.value.object.kind, 'index');
  });

  it('splices #if regions into the member list and collects comments', async () => {
    const src = [
      '// Startup for the FHIR facade',
      'public class Startup {',
      '#if DEBUG',
      '  const int Permits = 1000; /* relaxed in dev */',
      '#else',
      '  const int Permits = 5;',
      '#endif',
      '}',
    ].join('\n');
    const { root, comments } = await lower('csharp', src);
    assertWellFormed(root, src);
    const cls = findAll(root, 'class')[0];
    assert.deepEqual(cls.members.map((m) => m.kind === 'variable' && m.name), ['Permits', 'Permits']);
    assert.equal(findAll(root, 'name', (n) => n.name === 'DEBUG').length, 0);
    assert.deepEqual(comments.map((c) => c.text), ['// Startup for the FHIR facade', '/* relaxed in dev */']);
    assert.equal(comments[1].start, src.indexOf('/* relaxed'));
  });

  it('keeps lowering the parts that parse when the file has a syntax error', async () => {
    const src = [
      'public class Broken {',
      '  void A() { var x = ; if (x == ) { } }',
      '  [HttpGet("Patient")]',
      '  public IActionResult B() { return StatusCode(403); }',
      '}',
      'app.MapGet("/fhir/metadata", () => "ok");',
    ].join('\n');
    const { root, syntaxErrors } = await lower('csharp', src);
    assertWellFormed(root, src);
    assert.ok(syntaxErrors.length > 0);
    const mapGet = findCall(root, 'app.MapGet');
    assert.ok(mapGet);
    assert.equal(str(mapGet.args[0].value), '/fhir/metadata');
    assert.ok(findCall(root, 'StatusCode'));
    const b = findAll(root, 'function', (f) => f.name === 'B')[0];
    assert.deepEqual(decoratorNames(b.decorators), ['HttpGet']);
  });

  it('gives offsets in UTF-16 code units, matching String indices', async () => {
    const src = 'var s = "héllo 😀 ünïcode"; // ☃\napp.MapGet("/x", () => Results.Forbid());';
    const { root, comments } = await lower('csharp', src);
    assertWellFormed(root, src);
    const call = findCall(root, 'app.MapGet')!;
    assert.equal(call.start, src.indexOf('app.MapGet'));
    assert.equal(call.end, src.length - 1);
    const forbid = findCall(root, 'Results.Forbid')!;
    assert.equal(forbid.start, src.indexOf('Results.Forbid'));
    const member = forbid.callee;
    assert.equal(member.kind === 'member' && member.propertyStart, src.indexOf('Forbid'));
    assert.equal(comments[0].start, src.indexOf('// ☃'));
    assert.equal(str(findAll(root, 'variable')[0].value), 'héllo 😀 ünïcode');
  });
});
