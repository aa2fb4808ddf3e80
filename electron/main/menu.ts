import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A small Norwegian menu: lock now, editing, zoom; reload and DevTools only in development. */
export function installMenu(o: { lockNow: () => void; development: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'Fil',
      submenu: [
        { label: 'Lås arkivet', accelerator: 'Alt+L', click: () => o.lockNow() },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Lukk vinduet' } : { role: 'quit', label: 'Avslutt' },
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Angre' },
        { role: 'redo', label: 'Gjør om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopier' },
        { role: 'paste', label: 'Lim inn' },
        { role: 'selectAll', label: 'Merk alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        { role: 'zoomIn', label: 'Zoom inn' },
        { role: 'zoomOut', label: 'Zoom ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fullskjerm' },
        // SECURITY: no DevTools (and no reload shortcut into a half-state) in the packaged app.
        ...(o.development
          ? ([
              { type: 'separator' },
              { role: 'reload', label: 'Last inn på nytt' },
              { role: 'toggleDevTools', label: 'Utviklerverktøy' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
