import { shell, type Session, type WebContents } from 'electron';
import { isAllowedDownload, isAllowedRequest, navigationDecision, permissionDecision } from './policy';

/** Opens an allow-listed https URL in the user's browser; anything else is dropped silently. */
function openOutside(url: string): void {
  if (!navigationDecision(url).openExternal) return;
  // SECURITY: only URLs that passed isAllowedExternalUrl (https, listed host) reach the OS.
  shell.openExternal(url).catch(() => {});
}

/** Session-wide rules: permissions, requests, downloads. */
export function hardenSession(ses: Session): void {
  // SECURITY: every permission request (camera, microphone, notifications, geolocation, …) is denied.
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  // SECURITY: and every synchronous permission check answers "no".
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // SECURITY: no HID/serial/USB device access.
  ses.setDevicePermissionHandler(() => false);
  // SECURITY: no request leaves the app's own scheme, even if the CSP were bypassed.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // SECURITY: a download is only ever a file the app made itself (an export as a blob: of our origin).
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
  // SECURITY: the spell checker would send words (names) to a dictionary service on some platforms.
  ses.setSpellCheckerEnabled(false);
}

/** Per-page rules: navigation, new windows, webviews. Applied to every webContents ever created. */
export function hardenWebContents(wc: WebContents): void {
  // SECURITY: the page never navigates away from the app; allow-listed links open in the browser.
  wc.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  // SECURITY: the same for every frame (an iframe cannot navigate either).
  wc.on('will-frame-navigate', (details) => {
    details.preventDefault();
  });
  // SECURITY: no server redirects (there is no server; a redirect would be an attack).
  wc.on('will-redirect', (event) => event.preventDefault());
  // SECURITY: no new windows; an allow-listed https link opens in the user's browser instead.
  wc.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  // SECURITY: <webview> is disabled in webPreferences; refuse any attach attempt as well.
  wc.on('will-attach-webview', (event) => event.preventDefault());
}
