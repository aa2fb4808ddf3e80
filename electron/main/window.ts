import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY_URL } from './assets';
import { secureWebPreferences } from './policy';

/** The one window: the renderer from bro://app, in the given (in-memory, hardened) session. */
export function createMainWindow(o: { session: Session; preload: string; devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'Bro',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...secureWebPreferences(o), session: o.session },
  });
  // SECURITY: the title stays "Bro"; a page title could carry a pupil's name onto the taskbar.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
