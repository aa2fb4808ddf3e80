import type { WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from './assets';

/**
 * The Electron shell's security decisions as plain functions, so each one is tested in Node.
 * security.ts and ipc.ts wire them to Electron's events; nothing here imports 'electron'.
 */

/**
 * Sites the app may open in the user's browser (legal sources a letter or a help text links to).
 * Exact host names; https only.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'lovdata.no',
  'www.lovdata.no',
  'udir.no',
  'www.udir.no',
  'helsedirektoratet.no',
  'www.helsedirektoratet.no',
  'www.regjeringen.no',
  'www.datatilsynet.no',
];

/** Whether `raw` may be handed to shell.openExternal. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // SECURITY: https only (no file:, smb:, custom handlers that start programs), exact hosts, no
  // credentials and no odd ports, so a hostile link cannot reach anything but the listed sites.
  return (
    url.protocol === 'https:' &&
    EXTERNAL_HOSTS.includes(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/** Whether a URL is a page of the app itself (our scheme and host). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

/** What to do when the page tries to navigate or open a window: always stay; maybe open outside. */
export function navigationDecision(raw: string): { allow: false; openExternal: boolean } {
  // SECURITY: the window never leaves the app (a single-page app needs no navigation); a link to an
  // allow-listed https site goes to the user's browser instead.
  return { allow: false, openExternal: isAllowedExternalUrl(raw) };
}

/** Permission requests (camera, microphone, notifications, geolocation, clipboard-read, …). */
export function permissionDecision(_permission: string): boolean {
  // SECURITY: Bro needs no browser permission; every request and check is denied.
  return false;
}

/** Requests the renderer's session may make: only the app's own scheme (and inline data: images). */
export function isAllowedRequest(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // SECURITY: no network at all from the renderer, even if CSP were bypassed: only bro://app, data:
  // and blob: URLs the app made itself.
  if (url.protocol === 'data:') return true;
  if (url.protocol === 'blob:') return isAllowedDownload(raw);
  if (url.protocol === 'devtools:') return true; // DevTools exist only in development builds
  return isAppUrl(raw);
}

/** A download is only a file the app made itself: a blob: URL of the app's own origin (an export). */
export function isAllowedDownload(raw: string): boolean {
  // SECURITY: blob:bro://app/<uuid> only; nothing fetched from elsewhere is written to disk.
  return raw.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`);
}

/** What the IPC handler knows about who called: facts from Electron's event, nothing more. */
export interface SenderFacts {
  /** The webContents that sent the message belongs to our one window. */
  fromAppWindow: boolean;
  /** The sending frame is that window's main frame (not an iframe). */
  isMainFrame: boolean;
  /** The sending frame's URL (empty when the frame is gone). */
  frameUrl: string;
}

/** Whether an IPC call may reach the handlers. */
export function isTrustedSender(s: SenderFacts): boolean {
  // SECURITY: only the main frame of our window, showing our own page, may call; a frame that was
  // navigated elsewhere, an iframe, or another webContents is refused before input is even parsed.
  return s.fromAppWindow && s.isMainFrame && isAppUrl(s.frameUrl);
}

/**
 * The one window's webPreferences, minus the session object (index.ts adds it). Every line is a
 * deliberate choice; a test pins them.
 */
export function secureWebPreferences(o: { preload: string; devTools: boolean }) {
  return {
    preload: o.preload,
    // SECURITY: the renderer runs in Chromium's OS-level sandbox.
    sandbox: true,
    // SECURITY: the preload's world is separate from the page's; the page sees only window.bro.
    contextIsolation: true,
    // SECURITY: no Node.js in the page, its workers or its frames.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // SECURITY: no <webview> tag.
    webviewTag: false,
    // SECURITY: same-origin policy on, no mixed content, no experimental platform features.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // SECURITY: a file dropped on the window does not navigate it away.
    navigateOnDragDrop: false,
    // SECURITY: the spell checker would see every word typed, names included.
    spellcheck: false,
    // SECURITY: a page cannot trap the user in an endless series of dialogs.
    safeDialogs: true,
    // SECURITY: DevTools only in development builds.
    devTools: o.devTools,
  } satisfies Omit<WebPreferences, 'session'>;
}
