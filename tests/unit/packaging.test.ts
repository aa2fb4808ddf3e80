// The packaging config, checked where no installer can be built: against electron-builder's own
// JSON schema (the one it validates with before building), and for the fuses and files we mean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const load = async (rel: string) =>
  (await import(pathToFileURL(path.join(root, rel)).href)) as Record<string, unknown>;

describe('build/electron-builder.config.mjs', async () => {
  const mod = await load('build/electron-builder.config.mjs');
  const config = mod.default as Record<string, unknown> & {
    files: string[];
    electronFuses: Record<string, boolean>;
  };

  it("is valid by electron-builder's schema", () => {
    const schema = JSON.parse(
      readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds NSIS, dmg, AppImage and deb', () => {
    const targets = (k: string) =>
      ((config[k] as { target: { target: string }[] }).target ?? []).map((t) => t.target).sort();
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector; asar integrity and asar only; cookie encryption', () => {
    expect(config.electronFuses).toBe(mod.FUSES);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the bundles and the renderer, and no node_modules', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'out/main/**/*', 'out/preload/**/*', 'dist/renderer/**/*']),
    );
    expect(config.files).toContain('!node_modules/**/*');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.mjs');
  });
});

describe('scripts/verify-fuses.mjs', async () => {
  const { compareFuses, FUSE_NAMES } = (await load('scripts/verify-fuses.mjs')) as {
    compareFuses: (
      wire: Record<number, number>,
      o: Record<string, number>,
      s: Record<string, number>,
    ) => string[];
    FUSE_NAMES: Record<string, string>;
  };
  const { FUSES } = (await load('build/electron-builder.config.mjs')) as { FUSES: Record<string, boolean> };
  const { FuseV1Options } = (await import('@electron/fuses')) as unknown as {
    FuseV1Options: Record<string, number>;
  };
  const FuseState = { DISABLE: 48, ENABLE: 49 };

  it('knows every configured fuse by its @electron/fuses name', () => {
    for (const option of Object.keys(FUSES))
      expect(FuseV1Options[FUSE_NAMES[option]!], option).toBeTypeOf('number');
  });

  it('passes a wire as configured and names each fuse that differs', () => {
    const wire: Record<number, number> = {};
    for (const [option, on] of Object.entries(FUSES))
      wire[FuseV1Options[FUSE_NAMES[option]!]!] = on ? FuseState.ENABLE : FuseState.DISABLE;
    expect(compareFuses(wire, FuseV1Options, FuseState)).toEqual([]);
    wire[FuseV1Options.RunAsNode!] = FuseState.ENABLE;
    expect(compareFuses(wire, FuseV1Options, FuseState)).toEqual(['runAsNode: expected false, found true']);
  });
});
