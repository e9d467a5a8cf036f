/** The NGINX configuration reader: tokens, blocks and directives with offsets, and content-based recognition. */
import * as assert from 'node:assert/strict';
import { parseNginx } from '../../server/src/core/formats/nginx';
import { ConfigNode, descendants, scalarString } from '../../server/src/core/formats/tree';
import { formatForPath, languageIdForPath } from '../../server/src/core/language';

function entry(node: ConfigNode | undefined, key: string): ConfigNode | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

describe('NGINX configuration', () => {
  const text = [
    'http {',
    '    limit_req_zone $binary_remote_addr zone=fhir:10m rate=5r/s; # per client',
    '    server {',
    '        server_name "fhir.example.org";',
    '        location /fhir/ { limit_req zone=fhir burst=5; limit_req zone=other; proxy_pass http://fhir; }',
    "        location ~ ^/api/(patients|records)$ { return 200 'a ; b {c}'; }",
    '        set $target "${scheme}://x";',
    '    }',
    '}',
  ].join('\n');
  const doc = parseNginx(text);
  const root = doc.roots[0];

  it('reads blocks as maps, block arguments under args, and repeated directives as a sequence', () => {
    assert.equal(doc.syntaxErrors.length, 0);
    const server = entry(entry(root, 'http'), 'server');
    const locations = entry(server, 'location');
    assert.equal(locations?.kind, 'seq');
    const first = locations?.kind === 'seq' ? locations.items[0] : undefined;
    assert.equal(scalarString(entry(first, 'args')), '/fhir/');
    const limits = entry(first, 'limit_req');
    assert.equal(limits?.kind, 'seq');
    assert.equal(scalarString(entry(server, 'server_name')), 'fhir.example.org');
  });

  it('keeps quoted strings, ${var} and regexes whole, with offsets of the source', () => {
    const values = [...descendants(root)].filter((n) => n.kind === 'scalar').map((n) => ({ value: scalarString(n), text: text.slice(n.start, n.end) }));
    assert.ok(values.some((v) => v.value === '200 a ; b {c}'));
    assert.ok(values.some((v) => v.value === '$target ${scheme}://x'));
    assert.ok(values.some((v) => v.value === '~ ^/api/(patients|records)$'));
    const zone = values.find((v) => v.value?.startsWith('$binary_remote_addr'));
    assert.equal(zone?.text, '$binary_remote_addr zone=fhir:10m rate=5r/s');
  });

  it('collects # comments', () => {
    assert.deepEqual(doc.comments.map((c) => c.text), ['# per client']);
  });

  it('reports an unclosed block and an unterminated directive', () => {
    assert.ok(parseNginx('server {\n  listen 80;\n').syntaxErrors.some((e) => /not closed/.test(e.message)));
    assert.ok(parseNginx('server {\n  listen 80\n}').syntaxErrors.some((e) => /not terminated/.test(e.message)));
  });

  it('does not read a .conf file without nginx blocks as NGINX', () => {
    const other = parseNginx('[program:worker]\ncommand=/usr/bin/worker --limit_rate 5\n');
    assert.equal(other.roots.length, 0);
    assert.equal(other.syntaxErrors.length, 0);
  });

  it('recognises NGINX paths by name', () => {
    assert.equal(formatForPath('/etc/nginx/nginx.conf'), 'nginx');
    assert.equal(formatForPath('deploy/default.conf.template'), 'nginx');
    assert.equal(formatForPath('/etc/nginx/sites-enabled/default'), 'nginx');
    assert.equal(languageIdForPath('conf.d/fhir.conf'), 'nginx');
    assert.equal(formatForPath('README'), undefined);
  });
});
