import { lstatSync, statSync, type Stats } from 'node:fs';
import { parseNetworkInterface } from '../print/network-link';
import { isWithin, pathApi, realOrResolved, type GuardContext } from './guard-context';

/**
 * The receipt printer's address (config.printer.interface) must name a printer, never a file: tcp://host:port, a
 * system printer (printer:NAME), or a device: /dev/usb/lp*, /dev/lp*, /dev/tty* (serial, USB-serial), COMn, LPTn,
 * \\.\NAME on Windows. A regular file, a folder, or anything inside the data dir is refused (a test page would
 * overwrite it: station.db once). A named pipe or character device elsewhere is accepted (a spooler's pipe).
 * Checked at every save and import, and when the stored value is read; print/device-link.ts checks the opened
 * handle again.
 */
const POSIX_DEVICE = /^\/dev\/(usb\/lp\d{1,3}|lp\d{1,3}|tty[A-Za-z0-9]{1,12}|serial\/by-(id|path)\/[\w.:+-]{1,120})$/;
const WINDOWS_DEVICE = /^(COM\d{1,3}|LPT\d|\\\\\.\\[A-Za-z0-9_.#{}-]{1,120})$/i;

export type PrinterProblem = { code: string; reason: string } | null;

const NOT_DEVICE: PrinterProblem = {
  code: 'printer_not_device',
  reason:
    "ce n'est pas l'adresse d'une imprimante. Indiquez tcp://adresse:9100 pour une imprimante réseau, ou un port comme /dev/usb/lp0, COM3 ou LPT1.",
};
const REGULAR_FILE: PrinterProblem = {
  code: 'printer_regular_file',
  reason: "ce chemin mène à un fichier ou à un dossier, pas à une imprimante : l'imprimer l'écraserait.",
};
const IN_DATA_DIR: PrinterProblem = {
  code: 'printer_in_data_dir',
  reason: 'ce chemin est dans le dossier de données du poste : une impression y détruirait des données.',
};

function isPrinterNode(info: Stats): boolean {
  return info.isCharacterDevice() || info.isFIFO();
}

export function checkPrinterInterface(value: string, ctx: GuardContext): PrinterProblem {
  const trimmed = value.trim();
  if (/^tcp:\/\//i.test(trimmed)) {
    return parseNetworkInterface(trimmed) ? null : { ...NOT_DEVICE!, code: 'printer_bad_address' };
  }
  if (/^printer:[^\\/]{1,200}$/i.test(trimmed)) return null;
  if (ctx.platform === 'win32') return WINDOWS_DEVICE.test(trimmed) ? null : NOT_DEVICE;
  const api = pathApi(ctx.platform);
  if (!api.isAbsolute(trimmed)) return NOT_DEVICE;
  const real = realOrResolved(trimmed, ctx.platform);
  if (
    isWithin(trimmed, ctx.dataDir, ctx.platform) ||
    isWithin(real, realOrResolved(ctx.dataDir, ctx.platform), ctx.platform)
  ) {
    return IN_DATA_DIR;
  }
  let link: Stats;
  try {
    link = lstatSync(trimmed);
  } catch {
    // Not there now: a printer that is unplugged keeps its address, but only a device name is accepted blind.
    return POSIX_DEVICE.test(trimmed) ? null : NOT_DEVICE;
  }
  let target = link;
  if (link.isSymbolicLink()) {
    try {
      target = statSync(trimmed);
    } catch {
      return POSIX_DEVICE.test(trimmed) ? null : NOT_DEVICE;
    }
  }
  if (target.isFile() || target.isDirectory()) return REGULAR_FILE;
  return isPrinterNode(target) ? null : NOT_DEVICE;
}
