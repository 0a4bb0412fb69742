import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../preload/contract/config-sections';
import type { GuardContext } from '../../../main/config/guard-context';
import { checkPrinterInterface } from '../../../main/config/printer-device';
import { checkScanFolder } from '../../../main/config/scan-folder-rules';
import { ConfigGuard } from '../../../main/config/value-guard';

/** Windows rules, checked by name (the test machine has no C: drive). */
const windows: GuardContext = {
  dataDir: 'C:\\Users\\accueil\\AppData\\Roaming\\Point numérique\\station',
  resourcesDir: 'C:\\Program Files\\Point numérique\\resources',
  homeDir: 'C:\\Users\\accueil',
  platform: 'win32',
};

describe('the configuration guard (Windows paths)', () => {
  it.each([
    ['COM3', null],
    ['LPT1', null],
    ['\\\\.\\USB001', null],
    ['tcp://10.0.0.7:9100', null],
    ['printer:EPSON_TM_T20', null],
    ['C:\\Users\\accueil\\recu.txt', 'printer_not_device'],
    ['tcp://exemple', null],
    ['tcp://10.0.0.7:99999', 'printer_bad_address'],
    ['COM3.txt', 'printer_not_device'],
  ])('printer %s → %s', (value, code) => {
    expect(checkPrinterInterface(value, windows)?.code ?? null).toBe(code);
  });

  it.each([
    ['D:\\Scans', null],
    ['\\\\copieur\\scans', null],
    ['C:\\Users\\accueil\\Scans', null],
    ['C:\\', 'scan_folder_system'],
    ['c:\\windows\\temp', 'scan_folder_system'],
    ['C:\\Program Files (x86)\\Scans', 'scan_folder_system'],
    ['C:\\Users\\accueil', 'scan_folder_home'],
    ['C:\\Users', 'scan_folder_home'],
    ['C:\\Users\\accueil\\AppData\\Roaming\\Point numérique', 'scan_folder_data_dir'],
    ['c:\\users\\accueil\\appdata\\roaming\\point numérique\\station\\logs', 'scan_folder_data_dir'],
    ['Scans', 'scan_folder_relative'],
  ])('scan folder %s → %s', (folder, code) => {
    expect(checkScanFolder(folder, windows)?.code ?? null).toBe(code);
  });

  it('names the field of each unsafe value, never the value itself', () => {
    const guard = new ConfigGuard(windows);
    const problems = guard.check('site', {
      ...CONFIG_DEFAULTS.site,
      extraHosts: ['impots.gouv.fr', 'ants.gouv.fr.evil.com'],
      exceptionHosts: [],
    });
    expect(problems).toMatchObject([{ field: 'site.extraHosts', code: 'host_not_official' }]);
    expect(problems[0]!.reason).not.toContain('evil');
    expect(guard.check('printer', { ...CONFIG_DEFAULTS.printer, interface: 'C:\\station.db' })).toMatchObject([
      { field: 'printer.interface' },
    ]);
    expect(guard.check('survey', CONFIG_DEFAULTS.survey)).toEqual([]);
  });
});
