import { protocol, type Session } from 'electron';
import { APP_SCHEME, createAssetHandler } from './assets';

/**
 * Registers `bro://` as a standard, secure scheme. Must run before the app's `ready` event.
 * Standard: relative URLs and an origin of its own (`bro://app`), so 'self' in the CSP means
 * exactly the app. Secure: treated like https (secure context). No bypassCSP, no CORS, no
 * service workers: the scheme gets nothing a web page would not have.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // SECURITY: never `bypassCSP`; `corsEnabled`/`allowServiceWorkers` stay off.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves the built renderer folder on the given session, with the CSP on every response. */
export function serveRenderer(ses: Session, rendererDir: string): void {
  // SECURITY: the renderer is loaded from bro://app, never file:// (file:// pages share one origin
  // and can read other local files); only files inside `rendererDir` are served (assets.ts).
  ses.protocol.handle(APP_SCHEME, createAssetHandler(rendererDir));
}
