import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * "Start at login" on Linux: Electron's login items exist only on Windows and macOS, so the app writes (or removes)
 * an XDG autostart entry, ~/.config/autostart/point-numerique.desktop. main/app/electron-login-item.ts decides.
 */
export const AUTOSTART_FILE_NAME = 'point-numerique.desktop';

export function autostartFile(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** Quotes one Exec argument as the Desktop Entry specification asks. */
export function desktopExecArgument(arg: string): string {
  if (!/[\s"'\\`$<>|&;*?#()~]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Point numérique',
    'Comment=Poste du médiateur, lancé à l’ouverture de la session',
    `Exec=${desktopExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the entry; returns true when the file changed. */
export function applyAutostartEntry(file: string, executable: string, openAtLogin: boolean): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (!openAtLogin) {
    if (current === undefined) return false;
    rmSync(file, { force: true });
    return true;
  }
  const wanted = autostartEntry(executable);
  if (current === wanted) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, wanted, { mode: 0o644 });
  return true;
}
