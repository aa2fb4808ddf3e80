// How `npm start` and the Electron e2e door decide whether the desktop app can run here, and what
// `npm start` says when it cannot. No 'electron' import: requiring it would try to download it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  desktopUnavailable,
  findElectronBinary,
  hasDisplay,
  platformExecutable,
  unavailableMessage,
} from '../../scripts/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'bro-electron-bin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeProject(name: string, o: { pathTxt?: string; binary?: string }) {
  const dir = path.join(tmp, name);
  const pkg = path.join(dir, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron"}');
  if (o.pathTxt !== undefined) writeFileSync(path.join(pkg, 'path.txt'), o.pathTxt);
  if (o.binary) {
    mkdirSync(path.dirname(path.join(pkg, 'dist', o.binary)), { recursive: true });
    writeFileSync(path.join(pkg, 'dist', o.binary), '');
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('finds the executable named by path.txt in dist/', () => {
    const dir = fakeProject('ok', { pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(dir, {}, 'linux')).toBe(path.join(dir, 'node_modules/electron/dist/electron'));
  });
  it('is null when the package is there but the binary never arrived', () => {
    expect(findElectronBinary(fakeProject('nobin', {}), {}, 'linux')).toBeNull();
    expect(findElectronBinary(fakeProject('txtonly', { pathTxt: 'electron' }), {}, 'linux')).toBeNull();
  });
  it('is null without the package, and honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(findElectronBinary(path.join(tmp, 'nothing'), {}, 'linux')).toBeNull();
    const dir = fakeProject('override', {});
    const dist = path.join(tmp, 'my-electron');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toBe(
      path.join(dist, 'electron'),
    );
  });
  it('knows each platform’s executable', () => {
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('linux')).toBe('electron');
  });
});

describe('desktopUnavailable', () => {
  it('names a missing binary, then a missing display (Linux only), else nothing', () => {
    expect(desktopUnavailable({ binary: null, env: {}, platform: 'linux' })?.en).toMatch(
      /binary is not installed/,
    );
    expect(desktopUnavailable({ binary: '/x/electron', env: {}, platform: 'linux' })?.en).toMatch(
      /no display/,
    );
    expect(
      desktopUnavailable({ binary: '/x/electron', env: { DISPLAY: ':99' }, platform: 'linux' }),
    ).toBeNull();
    expect(
      desktopUnavailable({ binary: '/x/electron', env: { WAYLAND_DISPLAY: 'w' }, platform: 'linux' }),
    ).toBeNull();
    expect(desktopUnavailable({ binary: 'C:/e.exe', env: {}, platform: 'win32' })).toBeNull();
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
  it('says it in Norwegian and English and points to npm run web', () => {
    const msg = unavailableMessage(desktopUnavailable({ binary: null })!);
    expect(msg).toMatch(/^Bro kan ikke starte skrivebordsappen her: /);
    expect(msg).toContain('Bro cannot start the desktop app here: ');
    expect(msg.match(/npm run web/g)).toHaveLength(2);
  });
});

describe('npm start', () => {
  const here = desktopUnavailable({ binary: findElectronBinary(root) });
  it.runIf(here !== null)('where Electron cannot start, says so plainly and exits 1', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      // No display either, so the answer is the same whichever check comes first.
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', BRO_NO_ELECTRON_DOWNLOAD: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Bro kan ikke starte skrivebordsappen her');
    expect(r.stderr).toContain('npm run web');
  });
});
