/**
 * The app's own menu, in French (main/app/electron-station-lock.ts installs it). Electron's default menu is in
 * English and carries Quit, Close, Reload, DevTools, Minimize and Toggle full screen, each with a shortcut that
 * leaves the counter. Here the counter keeps editing and zoom (an usager may need 200 %); only a developer build
 * gets reload and the developer tools.
 */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'reload'
  | 'toggleDevTools';

/** The subset of Electron's MenuItemConstructorOptions the app uses (this file stays free of electron). */
export interface MenuEntry {
  label: string;
  role?: MenuRole;
  accelerator?: string;
  type?: 'separator';
  submenu?: MenuEntry[];
}

/** Roles that leave, hide or reload the counter: never in a production menu. */
export const LEAVING_ROLES = [
  'quit',
  'close',
  'reload',
  'forceReload',
  'toggleDevTools',
  'minimize',
  'togglefullscreen',
];

export function appMenuTemplate({ developer }: { developer: boolean }): MenuEntry[] {
  const template: MenuEntry[] = [
    {
      label: 'Édition',
      submenu: [
        { label: 'Annuler', role: 'undo' },
        { label: 'Rétablir', role: 'redo' },
        { label: '', type: 'separator' },
        { label: 'Couper', role: 'cut' },
        { label: 'Copier', role: 'copy' },
        { label: 'Coller', role: 'paste' },
        { label: 'Tout sélectionner', role: 'selectAll' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { label: 'Agrandir le texte', role: 'zoomIn', accelerator: 'CommandOrControl+Plus' },
        { label: 'Réduire le texte', role: 'zoomOut' },
        { label: 'Taille normale', role: 'resetZoom' },
      ],
    },
  ];
  if (developer) {
    template.push({
      label: 'Développement',
      submenu: [
        { label: 'Recharger', role: 'reload' },
        { label: 'Outils de développement', role: 'toggleDevTools' },
      ],
    });
  }
  return template;
}
