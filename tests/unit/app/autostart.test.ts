import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFile, desktopExecArgument } from '../../../main/app/autostart';

describe('the Linux autostart entry', () => {
  it('lives in the XDG autostart folder', () => {
    expect(autostartFile({}, '/home/agent')).toBe('/home/agent/.config/autostart/point-numerique.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: '/etc/xdg-agent' }, '/home/agent')).toBe(
      '/etc/xdg-agent/autostart/point-numerique.desktop',
    );
  });

  it('starts the installed program, its path quoted when it has spaces or special characters', () => {
    expect(autostartEntry('/opt/Point numérique/point-numerique')).toContain(
      'Exec="/opt/Point numérique/point-numerique"',
    );
    expect(desktopExecArgument('/usr/bin/point-numerique')).toBe('/usr/bin/point-numerique');
    expect(desktopExecArgument('/home/a b/$x`y".AppImage')).toBe('"/home/a b/\\$x\\`y\\".AppImage"');
  });
});
