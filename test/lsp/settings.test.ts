/** Editor settings: the manifest, the server's defaults and the mapping to the core agree. */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, normalizeSettings, SECTION, toUserConfig } from '../../server/src/lsp/settings';
import { Commands } from '../../server/src/protocol/index';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('editor settings', () => {
  it('the manifest contributes exactly the settings the server reads, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
    const contributed = Object.keys(properties).filter((k) => k !== `${SECTION}.trace.server`);
    assert.deepEqual(contributed.sort(), Object.keys(DEFAULT_SETTINGS).map((k) => `${SECTION}.${k}`).sort());
    for (const [key, spec] of Object.entries(properties)) {
      assert.ok(spec.description ?? spec.markdownDescription, `${key} has a description`);
      const name = key.slice(SECTION.length + 1) as keyof typeof DEFAULT_SETTINGS;
      if (name in DEFAULT_SETTINGS && name !== 'auditTemplates') assert.deepEqual(spec.default, DEFAULT_SETTINGS[name], `${key} default`);
    }
  });

  it('the manifest lists the server commands, declares workspace trust, and stays on the VS Code API it was built for', () => {
    const commands = (manifest.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const id of Object.values(Commands)) assert.ok(commands.includes(id), id);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.engines.vscode, '^1.91.0');
    // The gallery page: an icon drawn by scripts/make-icon.js (a PNG, as vsce requires), a banner and categories.
    assert.ok(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', manifest.icon)).subarray(1, 4).toString() === 'PNG', manifest.icon);
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.categories.includes('Linters'));
  });

  it('keeps what is usable and reports the rest', () => {
    const { settings, problems } = normalizeSettings({
      rules: { 'unjustified-throttle': 'error', 'no-such-rule': 'off', 'fax-only-manner': 'loud' },
      include: 'src/**',
      auditPattern: '(',
      auditTemplates: { python: 'log_audit({rule}, {exception}, {reason})', cobol: 'x', java: { nope: 1 } },
      debounceMs: -5,
      registerFile: 'docs/exceptions.yaml',
    });
    assert.deepEqual(settings.rules, { 'unjustified-throttle': 'error' });
    assert.deepEqual(settings.include, []);
    assert.equal(settings.auditPattern, 'audit');
    assert.equal(settings.auditTemplates.python.call, 'log_audit({rule}, {exception}, {reason})');
    assert.equal(settings.auditTemplates.java, DEFAULT_SETTINGS.auditTemplates.java);
    assert.equal(settings.debounceMs, DEFAULT_SETTINGS.debounceMs);
    assert.equal(settings.registerFile, 'docs/exceptions.yaml');
    assert.equal(problems.length, 7, problems.join('\n'));
    assert.deepEqual(toUserConfig(settings), { rules: { 'unjustified-throttle': 'error' }, auditPattern: 'audit' });
  });

  it('treats a missing or malformed section as the defaults', () => {
    assert.deepEqual(normalizeSettings(undefined).settings, DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings('nonsense').settings, DEFAULT_SETTINGS);
  });
});
