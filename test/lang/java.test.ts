import * as assert from 'node:assert/strict';
import type { CallNode, IrNode } from '../../server/src/core/ir';
import { calleeText, findAll, findCall, lower } from '../helpers/ir';

/** The decoded value of a string node, or undefined for anything else. */
function str(node: IrNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** `{ name: value-text }` of a call's arguments, `_` for positional ones; strings decoded, other nodes as their kind. */
function argSummary(call: CallNode): string[] {
  return call.args.map((a) => {
    const v = a.value;
    const shown = v.kind === 'string' ? JSON.stringify(v.value) : v.kind === 'number' ? String(v.value) : v.kind === 'member' ? `.${v.property}` : v.kind;
    return `${a.name ?? '_'}=${shown}`;
  });
}

describe('Java lowering', () => {
  it('lowers a Spring MVC controller: class and method annotations, named args, parameters, 403 response', async () => {
    const src = [
      'package org.example.fhir;',
      '',
      '@RestController',
      '@RequestMapping(value = "/fhir", method = RequestMethod.GET)',
      'public class PatientController {',
      '  @GetMapping("/Patient/{id}")',
      '  @RateLimiter(name = "fhir")',
      '  public ResponseEntity<String> read(@PathVariable("id") final String id, HttpServletRequest request) throws IOException {',
      '    if (!allowed(request)) {',
      '      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();',
      '    }',
      '    return ResponseEntity.ok(service.read(id));',
      '  }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('java', src);
    assert.deepEqual(syntaxErrors, []);
    const cls = findAll(root, 'class')[0];
    assert.equal(cls.name, 'PatientController');
    assert.equal(cls.start, src.indexOf('@RestController'));
    assert.deepEqual(cls.decorators.map(calleeText), ['RestController', 'RequestMapping']);
    assert.equal(cls.decorators[0].args.length, 0);
    assert.equal(cls.decorators[0].isDecorator, true);
    assert.deepEqual(argSummary(cls.decorators[1]), ['value="/fhir"', 'method=.GET']);

    const method = findAll(root, 'function')[0];
    assert.equal(method.name, 'read');
    assert.equal(method.isMethod, true);
    assert.equal(method.isLambda, false);
    assert.equal(method.returnType, 'ResponseEntity<String>');
    assert.equal(method.start, src.indexOf('@GetMapping'));
    assert.equal(method.bodyStart, src.indexOf('{\n    if'));
    assert.deepEqual(method.decorators.map(calleeText), ['GetMapping', 'RateLimiter']);
    assert.deepEqual(argSummary(method.decorators[0]), ['_="/Patient/{id}"']);
    assert.deepEqual(argSummary(method.decorators[1]), ['name="fhir"']);
    assert.deepEqual(
      method.params.map((p) => [p.name, p.type, p.decorators.map(calleeText)]),
      [
        ['id', 'String', ['PathVariable']],
        ['request', 'HttpServletRequest', []],
      ],
    );
    // decorators belong to the method, not to the class members list
    assert.equal(cls.members.length, 1);
    assert.equal(method.decorators[0].parent, method);

    const build = findCall(root, 'ResponseEntity.status().build')!;
    assert.equal(build.args.length, 0);
    const status = findCall(root, 'ResponseEntity.status')!;
    const forbidden = status.args[0].value;
    assert.equal(forbidden.kind === 'member' && forbidden.property, 'FORBIDDEN');
    assert.equal(forbidden.kind === 'member' && forbidden.object.kind === 'name' && forbidden.object.name, 'HttpStatus');
    assert.equal(forbidden.kind === 'member' && forbidden.propertyStart, src.indexOf('FORBIDDEN'));
    const iff = findAll(root, 'if')[0];
    assert.equal(iff.test.kind === 'unary' && iff.test.operator, '!');
    assert.equal(findAll(iff.consequent, 'return').length, 1);
  });

  it('lowers JAX-RS resources: @Path/@GET, static imports and thrown WebApplicationException', async () => {
    const src = [
      'import javax.ws.rs.*;',
      'import static javax.ws.rs.core.Response.Status.FORBIDDEN;',
      'import javax.ws.rs.core.Response;',
      '@Path("/fhir/Patient")',
      '@Produces({"application/fhir+json", "application/json"})',
      'public class PatientResource {',
      '  @GET',
      '  @Path("{id}")',
      '  public Response get(@PathParam("id") String id) {',
      '    if (blocked) throw new WebApplicationException("blocked", FORBIDDEN);',
      '    return Response.status(403).entity("no").build();',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const imports = findAll(root, 'import');
    assert.deepEqual(
      imports.map((i) => [i.source, i.names]),
      [
        ['javax.ws.rs', [{ imported: '*', local: '*' }]],
        ['javax.ws.rs.core.Response.Status.FORBIDDEN', [{ imported: 'FORBIDDEN', local: 'FORBIDDEN' }]],
        ['javax.ws.rs.core.Response', [{ imported: 'Response', local: 'Response' }]],
      ],
    );
    const cls = findAll(root, 'class')[0];
    assert.deepEqual(cls.decorators.map(calleeText), ['Path', 'Produces']);
    const produces = cls.decorators[1].args[0].value;
    assert.equal(produces.kind, 'array');
    assert.deepEqual(produces.kind === 'array' && produces.elements.map(str), ['application/fhir+json', 'application/json']);
    const get = findAll(root, 'function')[0];
    assert.deepEqual(get.decorators.map(calleeText), ['GET', 'Path']);
    assert.equal(get.decorators[0].args.length, 0);
    const thrown = findAll(root, 'throw')[0];
    assert.equal(thrown.value?.kind, 'call');
    const exc = thrown.value as CallNode;
    assert.equal(exc.isNew, true);
    assert.equal(calleeText(exc), 'WebApplicationException');
    assert.deepEqual(argSummary(exc), ['_="blocked"', '_=name']);
    const status = findCall(root, 'Response.status')!;
    assert.equal(status.args[0].value.kind === 'number' && status.args[0].value.value, 403);
  });

  it('lowers HAPI FHIR providers and interceptors: bases, @Read/@Search/@Hook, removeIf lambdas', async () => {
    const src = [
      'import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;',
      'public class PatientProvider extends BaseProvider implements IResourceProvider, Serializable {',
      '  @Override',
      '  public Class<? extends IBaseResource> getResourceType() { return Patient.class; }',
      '  @Read',
      '  public Patient read(@IdParam IdType theId) { throw new ForbiddenOperationException("Access denied"); }',
      '  @Search(queryName = "byName", type = {Patient.class})',
      '  public List<Patient> search(@RequiredParam(name = Patient.SP_NAME) StringParam name) { return List.of(); }',
      '}',
      '@Interceptor',
      'class BlockDocs {',
      '  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)',
      '  public boolean outgoing(RequestDetails details, IBaseResource resource) {',
      '    Bundle bundle = (Bundle) resource;',
      '    bundle.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.DocumentReference);',
      '    return true;',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const [provider, interceptor] = findAll(root, 'class');
    assert.deepEqual(provider.bases, ['BaseProvider', 'IResourceProvider', 'Serializable']);
    assert.equal(provider.isInterface, false);
    const methods = findAll(provider, 'function');
    assert.deepEqual(methods.map((m) => [m.name, m.decorators.map(calleeText)]), [
      ['getResourceType', ['Override']],
      ['read', ['Read']],
      ['search', ['Search']],
    ]);
    const classLiteral = findAll(methods[0], 'return')[0].value!;
    assert.equal(classLiteral.kind === 'member' && `${classLiteral.object.kind}:${classLiteral.property}`, 'name:class');
    assert.deepEqual(argSummary(methods[2].decorators[0]), ['queryName="byName"', 'type=array']);
    assert.deepEqual(argSummary(methods[2].params[0].decorators[0]), ['name=.SP_NAME']);
    const forbidden = findAll(root, 'call', (c) => c.isNew)[0];
    assert.equal(calleeText(forbidden), 'ForbiddenOperationException');
    assert.equal(str(forbidden.args[0].value), 'Access denied');

    assert.deepEqual(interceptor.decorators.map(calleeText), ['Interceptor']);
    const hook = findAll(interceptor, 'function')[0].decorators[0];
    assert.equal(calleeText(hook), 'Hook');
    assert.deepEqual(argSummary(hook), ['_=.SERVER_OUTGOING_RESPONSE']);
    // the cast is a pure wrapper
    const bundleVar = findAll(interceptor, 'variable')[0];
    assert.equal(bundleVar.type, 'Bundle');
    assert.equal(bundleVar.value?.kind === 'name' && bundleVar.value.name, 'resource');
    const removeIf = findCall(root, 'bundle.getEntry().removeIf')!;
    const lambda = removeIf.args[0].value;
    assert.equal(lambda.kind, 'function');
    if (lambda.kind !== 'function') return;
    assert.equal(lambda.isLambda, true);
    assert.deepEqual(lambda.params.map((p) => p.name), ['e']);
    assert.equal(lambda.body?.kind, 'binary');
    if (lambda.body?.kind !== 'binary') return;
    assert.equal(lambda.body.operator, '==');
    assert.equal(calleeText(lambda.body.left as CallNode), 'e.getResource().getResourceType');
    assert.equal(lambda.body.right.kind === 'member' && lambda.body.right.property, 'DocumentReference');
  });

  it('lowers Bucket4j builder chains and resilience4j annotations on fields', async () => {
    const src = [
      'import io.github.bucket4j.Bandwidth;',
      'import io.github.bucket4j.Bucket;',
      'class Limits {',
      '  private final Bucket bucket = Bucket.builder().addLimit(Bandwidth.classic(10, Refill.greedy(10, Duration.ofMinutes(1)))).build();',
      '  @Value("${fhir.rate-limit:100}") private int limit;',
      '  @RateLimiter(name = "fhir", fallbackMethod = "tooMany")',
      '  public Bundle search() { return client.search(); }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    assert.deepEqual(findAll(root, 'import').map((i) => i.names[0].local), ['Bandwidth', 'Bucket']);
    const [bucket, limit] = findAll(root, 'variable');
    assert.equal(bucket.name, 'bucket');
    assert.equal(bucket.isField, true);
    assert.equal(bucket.isConstant, true);
    assert.equal(bucket.nameStart, src.indexOf('bucket ='));
    assert.equal(bucket.value?.kind === 'call' && calleeText(bucket.value), 'Bucket.builder().addLimit().build');
    const classic = findCall(root, 'Bandwidth.classic')!;
    assert.equal(classic.args[0].value.kind === 'number' && classic.args[0].value.value, 10);
    const greedy = findCall(root, 'Refill.greedy')!;
    assert.equal(greedy.parent, classic);
    const minutes = findCall(root, 'Duration.ofMinutes')!;
    assert.equal(minutes.args[0].value.kind === 'number' && minutes.args[0].value.value, 1);
    assert.equal(limit.isConstant, false);
    assert.equal(limit.start, src.indexOf('@Value'));
    assert.deepEqual(limit.decorators.map((d) => argSummary(d)), [['_="${fhir.rate-limit:100}"']]);
    const rl = findAll(root, 'function')[0].decorators[0];
    assert.deepEqual(argSummary(rl), ['name="fhir"', 'fallbackMethod="tooMany"']);
  });

  it('lowers a servlet filter with casts, sleeps and sendError', async () => {
    const src = [
      'public class ThrottleFilter implements Filter {',
      '  @Override',
      '  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {',
      '    HttpServletRequest http = (HttpServletRequest) req;',
      '    if (http.getRequestURI().startsWith("/fhir/Binary")) {',
      '      try { Thread.sleep(5_000L); } catch (InterruptedException ignored) { Thread.currentThread().interrupt(); }',
      '      ((HttpServletResponse) res).sendError(HttpServletResponse.SC_FORBIDDEN, "Forbidden");',
      '      return;',
      '    }',
      '    chain.doFilter(req, res);',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    assert.deepEqual(findAll(root, 'class')[0].bases, ['Filter']);
    const doFilter = findAll(root, 'function')[0];
    assert.deepEqual(doFilter.params.map((p) => p.type), ['ServletRequest', 'ServletResponse', 'FilterChain']);
    const sleep = findCall(root, 'Thread.sleep')!;
    assert.equal(sleep.args[0].value.kind === 'number' && sleep.args[0].value.value, 5000);
    assert.equal(sleep.args[0].value.kind === 'number' && sleep.args[0].value.raw, '5_000L');
    const sendError = findCall(root, 'res.sendError')!;
    assert.equal(sendError.callee.kind === 'member' && sendError.callee.object.kind === 'name', true);
    assert.deepEqual(argSummary(sendError), ['_=.SC_FORBIDDEN', '_="Forbidden"']);
    const tryNode = findAll(root, 'try')[0];
    assert.deepEqual(tryNode.handlers.map((h) => [h.param, h.types]), [['ignored', ['InterruptedException']]]);
    assert.ok(findCall(root, 'chain.doFilter'));
  });

  it('lowers collection factories, arrays and constants', async () => {
    const src = [
      'public final class FhirTypes {',
      '  public static final List<String> ALLOWED = List.of("Patient", "Observation");',
      '  static final Set<String> CHANNELS = Set.of("fax", "direct");',
      '  private static final String[] BLOCKED = {"DocumentReference", "Binary"};',
      '  private static final String[] OTHERS = new String[] {"Consent"};',
      '  static final List<String> LEGACY = Arrays.asList("mail", "portal");',
      '  static final EnumSet<ResourceType> TYPES = EnumSet.of(ResourceType.Patient, ResourceType.Encounter);',
      '  static final int MAX = 0x10, MIN = 017, SECS = 60_000, BITS = 0b101;',
      '  static final double RATE = 1.5e2d, HEXF = 0x1.8p1;',
      '  static String mutable = "x";',
      '  void m() { final var local = "v"; int n = 2; byte[] buf = new byte[n]; }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const byName = new Map(findAll(root, 'variable').map((v) => [v.name, v]));
    const allowed = byName.get('ALLOWED')!;
    assert.equal(allowed.isConstant, true);
    assert.equal(allowed.isField, true);
    assert.equal(allowed.type, 'List<String>');
    assert.equal(allowed.start, src.indexOf('public static final List'));
    const listOf = allowed.value as CallNode;
    assert.equal(calleeText(listOf), 'List.of');
    assert.deepEqual(listOf.args.map((a) => str(a.value)), ['Patient', 'Observation']);
    assert.equal(calleeText(byName.get('CHANNELS')!.value as CallNode), 'Set.of');
    assert.equal(calleeText(byName.get('LEGACY')!.value as CallNode), 'Arrays.asList');
    assert.equal(calleeText(byName.get('TYPES')!.value as CallNode), 'EnumSet.of');
    for (const name of ['BLOCKED', 'OTHERS']) {
      const v = byName.get(name)!;
      assert.equal(v.type, 'String[]');
      assert.equal(v.value?.kind, 'array', name);
    }
    const blocked = byName.get('BLOCKED')!.value!;
    assert.deepEqual(blocked.kind === 'array' && blocked.elements.map(str), ['DocumentReference', 'Binary']);
    const others = byName.get('OTHERS')!.value!;
    assert.equal(others.start, src.indexOf('new String[]'));
    // several declarators: an `other` wrapper holding one variable each
    const max = byName.get('MAX')!;
    assert.equal(max.parent?.kind === 'other' && max.parent.type, 'field_declaration');
    assert.deepEqual(
      ['MAX', 'MIN', 'SECS', 'BITS', 'RATE', 'HEXF'].map((n) => {
        const v = byName.get(n)!.value!;
        return v.kind === 'number' ? v.value : NaN;
      }),
      [16, 15, 60000, 5, 150, 3],
    );
    assert.equal(byName.get('SECS')!.isConstant, true);
    assert.equal(byName.get('mutable')!.isConstant, false);
    const local = byName.get('local')!;
    assert.deepEqual([local.isConstant, local.isField, local.type], [true, false, undefined]);
    assert.equal(byName.get('n')!.isConstant, false);
    const buf = byName.get('buf')!.value!;
    assert.equal(buf.kind === 'other' && buf.type, 'array_creation_expression');
    assert.deepEqual(buf.kind === 'other' && buf.children.map((c) => c.kind), ['name']);
  });

  it('lowers enums: constructor arguments, annotated constants, constant bodies and enum members', async () => {
    const src = [
      'public enum Channel {',
      '  FAX("fax"),',
      '  DIRECT("direct", 2),',
      '  @JsonProperty("mail") MAIL,',
      '  PORTAL { @Override boolean online() { return true; } };',
      '  private final String code;',
      '  Channel(String code) { this.code = code; }',
      '  Channel(String code, int p) { this(code); }',
      '  boolean online() { return false; }',
      '}',
      'enum Simple { A, B }',
    ].join('\n');
    const { root } = await lower('java', src);
    const [channel, simple] = findAll(root, 'enum');
    assert.equal(channel.name, 'Channel');
    assert.deepEqual(channel.members.map((m) => m.name), ['FAX', 'DIRECT', 'MAIL', 'PORTAL']);
    assert.equal(str(channel.members[0].value), 'fax');
    const direct = channel.members[1].value as CallNode;
    assert.equal(direct.kind, 'call');
    assert.equal(direct.isNew, true);
    assert.equal(calleeText(direct), 'DIRECT');
    assert.deepEqual(argSummary(direct), ['_="direct"', '_=2']);
    const mail = channel.members[2].value!;
    assert.equal(mail.kind === 'other' && mail.type, 'enum_constant');
    const jsonProperty = findAll(mail, 'call')[0];
    assert.equal(jsonProperty.isDecorator, true);
    assert.equal(str(jsonProperty.args[0].value), 'mail');
    const portal = channel.members[3].value!;
    assert.deepEqual(findAll(portal, 'function').map((f) => [f.name, f.decorators.length]), [['online', 1]]);
    // fields, constructors and methods sit beside the enum in an `other` wrapper
    const wrapper = channel.parent!;
    assert.equal(wrapper.kind === 'other' && wrapper.type, 'enum_declaration');
    assert.deepEqual(
      findAll(wrapper, 'function').filter((f) => f.parent === wrapper).map((f) => f.name),
      ['Channel', 'Channel', 'online'],
    );
    assert.ok(findCall(wrapper, 'this'));
    assert.equal(findAll(wrapper, 'variable')[0].name, 'code');
    assert.equal(simple.parent, root);
    assert.deepEqual(simple.members.map((m) => [m.name, m.value]), [
      ['A', undefined],
      ['B', undefined],
    ]);
  });

  it('lowers switch statements and expressions, old and arrow forms', async () => {
    const src = [
      'class S {',
      '  void route(String channel, Object o) {',
      '    switch (channel) {',
      '      case "fax":',
      '        sendFax();',
      '        break;',
      '      case "mail": case "post":',
      '        sendMail();',
      '        break;',
      '      default:',
      '        throw new IllegalArgumentException(channel);',
      '    }',
      '    int code = switch (channel) {',
      '      case "fax", "direct" -> 1;',
      '      case "portal" -> { log(); yield 2; }',
      '      default -> throw new IllegalStateException();',
      '    };',
      '    switch (o) { case String s when s.isEmpty() -> a(); case null, default -> b(); }',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const [classic, arrow, patterns] = findAll(root, 'switch');
    assert.equal(classic.discriminant.kind === 'name' && classic.discriminant.name, 'channel');
    assert.deepEqual(
      classic.cases.map((c) => c.tests.map(str)),
      [['fax'], ['mail'], ['post'], []],
    );
    assert.deepEqual(classic.cases[0].body.map((b) => b.kind), ['call', 'break']);
    assert.deepEqual(classic.cases[3].body.map((b) => b.kind), ['throw']);
    assert.equal(arrow.parent?.kind === 'variable' && arrow.parent.name, 'code');
    assert.deepEqual(arrow.cases.map((c) => c.tests.map(str)), [['fax', 'direct'], ['portal'], []]);
    assert.equal(arrow.cases[0].body[0].kind === 'number' && arrow.cases[0].body[0].value, 1);
    assert.equal(arrow.cases[1].body[0].kind, 'block');
    assert.equal(arrow.cases[2].body[0].kind, 'throw');
    assert.equal(patterns.cases.length, 2);
    assert.equal(patterns.cases[1].tests.length, 0);
    // a type pattern and its `when` guard are kept as `other` tests
    assert.deepEqual(patterns.cases[0].tests.map((t) => t.kind === 'other' && t.type), ['pattern', 'guard']);
    assert.ok(findCall(patterns.cases[0].tests[1], 's.isEmpty'));
  });

  it('lowers try/catch with multi-catch, finally and try-with-resources', async () => {
    const src = [
      'class T {',
      '  void run() {',
      '    try (InputStream in = open(); var out = new ByteArrayOutputStream()) {',
      '      copy(in, out);',
      '    } catch (IOException | ca.uhn.fhir.parser.DataFormatException e) {',
      '      auditLog.error("export failed", e);',
      '    } catch (final RuntimeException e) {',
      '      throw e;',
      '    } finally {',
      '      close();',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const tryNode = findAll(root, 'try')[0];
    assert.deepEqual(tryNode.handlers.map((h) => [h.param, h.types]), [
      ['e', ['IOException', 'ca.uhn.fhir.parser.DataFormatException']],
      ['e', ['RuntimeException']],
    ]);
    assert.ok(findCall(tryNode.handlers[0].body, 'auditLog.error'));
    assert.ok(findCall(tryNode.finalizer!, 'close'));
    assert.ok(findCall(tryNode.body, 'copy'));
    const wrapper = tryNode.parent!;
    assert.equal(wrapper.kind === 'other' && wrapper.type, 'try_with_resources_statement');
    const resources = findAll(wrapper, 'variable');
    assert.deepEqual(resources.map((r) => [r.name, r.type, r.isConstant]), [
      ['in', 'InputStream', true],
      ['out', undefined, true],
    ]);
    assert.equal(resources[1].value?.kind === 'call' && resources[1].value.isNew, true);
  });

  it('lowers lambdas, method references, anonymous classes and generic calls', async () => {
    const src = [
      'class L {',
      '  void m() {',
      '    entries.stream().filter(e -> !"DocumentReference".equals(e.getResource().fhirType())).map(Entry::getResource).forEach((r) -> {',
      '      audit.log(r);',
      '    });',
      '    types.removeIf((String t) -> t.startsWith("Doc"));',
      '    Supplier<List<String>> s = ArrayList::new;',
      '    List<String> empty = Collections.<String>emptyList();',
      '    Map<String, Integer> counts = new HashMap<>();',
      '    java.util.List<String> q = new java.util.ArrayList<String>(5);',
      '    IClientInterceptor i = new IClientInterceptor() {',
      '      @Override public void interceptRequest(IHttpRequest req) { req.addHeader("X", "y"); }',
      '    };',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const filter = findCall(root, 'entries.stream().filter')!;
    const pred = filter.args[0].value;
    assert.equal(pred.kind === 'function' && pred.isLambda && pred.body?.kind, 'unary');
    const map = findCall(root, 'entries.stream().filter().map')!;
    const ref = map.args[0].value;
    assert.equal(ref.kind === 'member' && ref.property, 'getResource');
    assert.equal(ref.kind === 'member' && ref.object.kind === 'name' && ref.object.name, 'Entry');
    const forEach = findCall(root, 'entries.stream().filter().map().forEach')!;
    const block = forEach.args[0].value;
    assert.equal(block.kind === 'function' && block.body?.kind, 'block');
    assert.deepEqual(block.kind === 'function' && block.params.map((p) => p.name), ['r']);
    const removeIf = findCall(root, 'types.removeIf')!.args[0].value;
    assert.deepEqual(removeIf.kind === 'function' && removeIf.params.map((p) => [p.name, p.type]), [['t', 'String']]);
    const vars = new Map(findAll(root, 'variable').map((v) => [v.name, v]));
    const ctorRef = vars.get('s')!.value!;
    assert.equal(ctorRef.kind === 'member' && ctorRef.property, 'new');
    assert.equal(calleeText(vars.get('empty')!.value as CallNode), 'Collections.emptyList');
    const hashMap = vars.get('counts')!.value as CallNode;
    assert.deepEqual([hashMap.isNew, calleeText(hashMap), hashMap.callee.kind], [true, 'HashMap', 'name']);
    const qualified = vars.get('q')!.value as CallNode;
    assert.equal(calleeText(qualified), 'java.util.ArrayList');
    assert.equal(qualified.callee.start, src.indexOf('java.util.ArrayList'));
    assert.equal(qualified.callee.end, src.indexOf('<String>(5)'));
    // anonymous class: the `new` call and the class body side by side in an `other` wrapper
    const anon = vars.get('i')!.value!;
    assert.equal(anon.kind === 'other' && anon.type, 'object_creation_expression');
    if (anon.kind !== 'other') return;
    const [call, body] = anon.children;
    assert.equal(call.kind === 'call' && call.isNew && calleeText(call), 'IClientInterceptor');
    assert.equal(body.kind === 'other' && body.type, 'class_body');
    const method = findAll(body, 'function')[0];
    assert.deepEqual([method.name, method.decorators.map(calleeText)], ['interceptRequest', ['Override']]);
    assert.ok(findCall(method, 'req.addHeader'));
  });

  it('lowers records, interfaces, annotation types, text blocks and string escapes', async () => {
    const src = [
      'public record Consent(@NotNull String patientId, List<String> scopes) implements Serializable {',
      '  public Consent { Objects.requireNonNull(patientId); }',
      '}',
      'public interface PatientApi extends Remote {',
      '  String BASE = "/fhir";',
      '  @GET @Path("/Patient") List<Patient> list();',
      '  default int size() { return 0; }',
      '}',
      'public @interface Audited { String value() default "read"; String[] channels() default {"fax"}; }',
      'class Q {',
      '  String query = """',
      '      SELECT *',
      '        FROM resource\\t',
      '      WHERE type = "Patient"\\',
      '      """;',
      '  String esc = "a\\tb\\u0041\\101\\s\\"";',
      '  char quote = \'\\\'\';',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const [record, api, audited] = findAll(root, 'class');
    assert.deepEqual([record.name, record.bases, record.isInterface], ['Consent', ['Serializable'], false]);
    const components = record.members.filter((m) => m.kind === 'variable');
    assert.deepEqual(
      components.map((c) => c.kind === 'variable' && [c.name, c.type, c.isField, c.decorators.map(calleeText)]),
      [
        ['patientId', 'String', true, ['NotNull']],
        ['scopes', 'List<String>', true, []],
      ],
    );
    assert.equal(components[0].kind === 'variable' && components[0].nameStart, src.indexOf('patientId'));
    const compact = findAll(record, 'function')[0];
    assert.deepEqual([compact.name, compact.params.length], ['Consent', 0]);
    assert.deepEqual([api.isInterface, api.bases], [true, ['Remote']]);
    const base = findAll(api, 'variable')[0];
    assert.deepEqual([base.name, base.isConstant, base.isField, str(base.value)], ['BASE', true, true, '/fhir']);
    const list = findAll(api, 'function')[0];
    assert.deepEqual([list.name, list.body, list.bodyStart === list.end], ['list', undefined, true]);
    assert.deepEqual(list.decorators.map(calleeText), ['GET', 'Path']);
    assert.equal(audited.isInterface, true);
    const elements = findAll(audited, 'variable');
    assert.deepEqual(elements.map((e) => e.name), ['value', 'channels']);
    assert.equal(str(elements[0].value), 'read');
    assert.equal(elements[1].value?.kind, 'array');
    const vars = new Map(findAll(root, 'variable').map((v) => [v.name, v]));
    assert.equal(str(vars.get('query')!.value), 'SELECT *\n  FROM resource\t\nWHERE type = "Patient"');
    assert.equal(str(vars.get('esc')!.value), 'a\tbAA "');
    assert.equal(str(vars.get('quote')!.value), "'");
  });

  it('lowers loops, filters with continue, conditionals and assignments', async () => {
    const src = [
      'class F {',
      '  List<Resource> visible(Bundle bundle) {',
      '    List<Resource> out = new ArrayList<>();',
      '    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {',
      '      if (entry.getResource().getResourceType() == ResourceType.DocumentReference) continue;',
      '      else if (entry.getResource() instanceof Binary b) { break; }',
      '      out.add(entry.getResource());',
      '    }',
      '    for (int i = 0; i < out.size(); i++) { count += i > 2 ? 1 : 0; }',
      '    while (it.hasNext()) { it.next(); }',
      '    do { retries--; } while (retries > 0);',
      '    outer: for (;;) { break outer; }',
      '    this.last = out;',
      '    return out;',
      '  }',
      '}',
    ].join('\n');
    const { root } = await lower('java', src);
    const loops = findAll(root, 'loop');
    assert.equal(loops.length, 5);
    const forEach = loops[0];
    assert.equal(forEach.variable, 'entry');
    assert.equal(forEach.iterable?.kind === 'call' && calleeText(forEach.iterable), 'bundle.getEntry');
    const filter = findAll(forEach, 'if')[0];
    assert.equal(filter.test.kind === 'binary' && filter.test.operator, '==');
    assert.equal(filter.consequent.kind, 'continue');
    const elseIf = filter.alternate!;
    assert.equal(elseIf.kind === 'if' && elseIf.test.kind === 'binary' && elseIf.test.operator, 'instanceof');
    assert.equal(elseIf.kind === 'if' && elseIf.test.kind === 'binary' && elseIf.test.right.kind === 'name' && elseIf.test.right.name, 'Binary');
    const classic = loops[1];
    assert.equal(classic.test?.kind === 'binary' && classic.test.operator, '<');
    const forWrapper = classic.parent!;
    assert.equal(forWrapper.kind === 'other' && forWrapper.type, 'for_statement');
    assert.deepEqual(forWrapper.kind === 'other' && forWrapper.children.map((c) => c.kind), ['variable', 'loop', 'unary']);
    const assign = findAll(classic, 'assign')[0];
    assert.equal(assign.operator, '+=');
    assert.equal(assign.value.kind, 'conditional');
    assert.equal(loops[2].test?.kind === 'call' && calleeText(loops[2].test), 'it.hasNext');
    assert.equal(loops[3].test?.kind === 'binary' && loops[3].test.operator, '>');
    assert.equal(loops[4].test, undefined);
    assert.equal(findAll(loops[4], 'break').length, 1);
    const thisAssign = findAll(root, 'assign', (a) => a.operator === '=')[0];
    assert.equal(thisAssign.target.kind === 'member' && thisAssign.target.object.kind === 'name' && thisAssign.target.object.name, 'this');
  });

  it('collects comments separately and lowers string-template holes', async () => {
    const src = [
      '/** Patient API. */',
      'class C {',
      '  // TODO: remove the delay',
      '  void m() { String s = STR."Patient/\\{id}/_history"; /* inline */ Thread.sleep(10); }',
      '}',
    ].join('\n');
    const { root, comments } = await lower('java', src);
    assert.deepEqual(comments.map((c) => c.text), ['/** Patient API. */', '// TODO: remove the delay', '/* inline */']);
    assert.equal(comments[1].start, src.indexOf('// TODO'));
    const tpl = findAll(root, 'string', (s) => s.interpolated)[0];
    assert.equal(tpl.value, 'Patient/…/_history');
    const holder = tpl.parent!;
    assert.deepEqual(holder.kind === 'other' && holder.children.map((c) => (c.kind === 'name' ? c.name : c.kind)), ['string', 'id']);
    assert.ok(findCall(root, 'Thread.sleep'));
  });

  it('keeps lowering the parts that parse when the file has a syntax error', async () => {
    const src = [
      '@RestController',
      'public class Broken {',
      '  @GetMapping("/Patient")',
      '  public String list( {',
      '    int x = ;',
      '  }',
      '  @PostMapping("/Observation")',
      '  public void create() { Thread.sleep(500); }',
      '}',
    ].join('\n');
    const { root, syntaxErrors } = await lower('java', src);
    assert.ok(syntaxErrors.length > 0);
    const create = findAll(root, 'function', (f) => f.name === 'create')[0];
    assert.deepEqual(create.decorators.map(calleeText), ['PostMapping']);
    assert.ok(findCall(create, 'Thread.sleep'));
  });

  it('gives offsets in UTF-16 code units, matching String indices', async () => {
    const src = 'class U { void m() { String s = "héllo😀 – ünïcode"; ResponseEntity.status(403).build(); } }';
    const { root } = await lower('java', src);
    const call = findCall(root, 'ResponseEntity.status')!;
    assert.equal(call.start, src.indexOf('ResponseEntity.status'));
    assert.equal(call.end, src.indexOf('.build'));
    const s = findAll(root, 'string')[0];
    assert.equal(s.value, 'héllo😀 – ünïcode');
    assert.equal(src.slice(s.start, s.end), '"héllo😀 – ünïcode"');
  });
});
