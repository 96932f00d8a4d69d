import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/** A Swedish application menu with the standard roles (so copy/paste and zoom work as users expect). */
export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Arkiv', submenu: [{ role: 'quit', label: 'Avsluta' }] },
    {
      label: 'Redigera',
      submenu: [
        { role: 'undo', label: 'Ångra' },
        { role: 'redo', label: 'Gör om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopiera' },
        { role: 'paste', label: 'Klistra in' },
        { role: 'selectAll', label: 'Markera allt' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        { role: 'resetZoom', label: 'Normal storlek' },
        { role: 'zoomIn', label: 'Zooma in' },
        { role: 'zoomOut', label: 'Zooma ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Helskärm' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Utvecklarverktyg' } as MenuItemConstructorOptions]),
      ],
    },
    { label: 'Hjälp', submenu: [{ role: 'about', label: 'Om Granskningsbänken' }] },
  ];
  return Menu.buildFromTemplate(template);
}
