import { describe, expect, it } from 'vitest';
import {
  isAllowedDownload,
  isAllowedExternalUrl,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  navigationDecision,
  permissionDecision,
  secureWebPreferences,
} from './policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://lovdata.no/dokument/NL/lov/1998-07-17-61',
    'https://www.udir.no/regelverk-og-tilsyn/',
    'https://www.helsedirektoratet.no/pakkeforlop',
  ])('opens listed https sites: %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://lovdata.no/',
    'https://lovdata.no.evil.example/',
    'https://evil.example/?https://lovdata.no/',
    'https://user:pw@lovdata.no/',
    'https://lovdata.no:8443/',
    'https://sub.lovdata.no/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://server/share',
    'bro://app/index.html',
    'ms-settings:',
    '',
    'lovdata.no',
  ])('refuses everything else: %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('navigation, permissions, requests', () => {
  it('never allows navigation; opens only allow-listed links outside', () => {
    expect(navigationDecision('https://lovdata.no/')).toEqual({ allow: false, openExternal: true });
    expect(navigationDecision('https://evil.example/')).toEqual({ allow: false, openExternal: false });
    expect(navigationDecision('bro://app/index.html')).toEqual({ allow: false, openExternal: false });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ allow: false, openExternal: false });
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies the permission %s', (p) => expect(permissionDecision(p)).toBe(false));

  it('lets the session load only the app, data: and its own blobs', () => {
    expect(isAllowedRequest('bro://app/assets/a.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:bro://app/0b9e5a2c-1f1e-4d7a-9a53-6c1c7d2e9f00')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:1234/api',
      'ws://127.0.0.1/',
      'file:///etc/passwd',
      'bro://other/x',
      'blob:https://example.com/x',
      'ftp://x/',
      'garbage',
    ])
      expect(isAllowedRequest(url), url).toBe(false);
  });

  it('downloads only blobs the app made', () => {
    expect(isAllowedDownload('blob:bro://app/1234')).toBe(true);
    expect(isAllowedDownload('https://example.com/file.exe')).toBe(false);
    expect(isAllowedDownload('blob:https://evil.example/1')).toBe(false);
  });

  it('knows its own URLs', () => {
    expect(isAppUrl('bro://app/index.html')).toBe(true);
    expect(isAppUrl('bro://App/')).toBe(true);
    expect(isAppUrl('bro://evil/')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ok = { fromAppWindow: true, isMainFrame: true, frameUrl: 'bro://app/index.html' };
  it('accepts the main frame of our window on our page', () => expect(isTrustedSender(ok)).toBe(true));
  it.each([
    ['another webContents', { ...ok, fromAppWindow: false }],
    ['an iframe', { ...ok, isMainFrame: false }],
    ['a frame that is gone', { ...ok, frameUrl: '' }],
    ['a navigated frame', { ...ok, frameUrl: 'https://evil.example/' }],
    ['a file:// page', { ...ok, frameUrl: 'file:///tmp/x.html' }],
    ['another bro host', { ...ok, frameUrl: 'bro://evil/index.html' }],
  ])('refuses %s', (_name, facts) => expect(isTrustedSender(facts)).toBe(false));
});

describe('secureWebPreferences', () => {
  it('pins every security-relevant option', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});
