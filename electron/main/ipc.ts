import { ipcMain, type BrowserWindow } from 'electron';
import type { Door } from '../services/access/door';
import type { Handlers } from '../services/handlers';
import { CALL_CHANNEL, PROGRESS_CHANNEL, createCallHandler } from './bridge';

/**
 * The IPC door: one channel, `bro:call`, answered for our one window only. Everything after the
 * sender facts is plain Node (bridge.ts).
 */
export function registerIpc(getWindow: () => BrowserWindow | null, handlers: Handlers, door: Door): void {
  const handle = createCallHandler(handlers, door);
  ipcMain.handle(CALL_CHANNEL, (event, op: unknown, input: unknown) => {
    const win = getWindow();
    const wc = win && !win.isDestroyed() ? win.webContents : null;
    const frame = event.senderFrame; // null once the frame has navigated away or is gone
    return handle(
      {
        // SECURITY: the facts come from Electron's event, never from the message itself.
        fromAppWindow: wc !== null && event.sender === wc,
        isMainFrame: frame !== null && frame.parent === null && wc !== null && frame === wc.mainFrame,
        frameUrl: frame?.url ?? '',
      },
      op,
      input,
      // SECURITY: progress goes back only to the webContents that asked.
      (p) => {
        if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, p);
      },
    );
  });
}
