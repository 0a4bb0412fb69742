import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { StationConfig } from '../../preload/contract/config-sections';
import { deviceExists, writeToDevice } from './device-link';
import { printFault, stopFault } from './faults';
import { NetworkLink, parseNetworkInterface, type PrinterHealth } from './network-link';

export type PrinterSettings = StationConfig['printer'];
export type InterfaceKind = 'network' | 'device' | 'system';

/** A system-printer driver module as node-thermal-printer expects it (printer / @thiagoelg/node-printer). */
export type PrinterDriver = object;

export function interfaceKind(value: string): InterfaceKind {
  if (/^tcp:\/\//i.test(value)) return 'network';
  if (/^printer:/i.test(value)) return 'system';
  return 'device';
}

/**
 * The way to the receipt printer named by config.printer.interface: tcp://host:9100 (NetworkLink), a device file
 * (/dev/usb/lp0, COM3: device-link.ts, written without blocking and stoppable; node-thermal-printer's file interface
 * retries a blocked write for 200 s) or printer:NAME (node-thermal-printer with a system
 * driver module, when one is installed: native driver modules need a rebuild per Electron version, so none ships).
 */
export class ThermalTransport {
  readonly kind: InterfaceKind;

  constructor(
    private readonly settings: PrinterSettings,
    private readonly loadDriver: () => PrinterDriver | null = loadInstalledDriver,
  ) {
    this.kind = interfaceKind(settings.interface);
  }

  async isPrinterConnected(): Promise<boolean> {
    try {
      await this.health();
      return true;
    } catch {
      return false;
    }
  }

  /** Throws the French fault that says why the printer cannot print now; returns paper/cover state. */
  async health(): Promise<PrinterHealth> {
    if (this.kind === 'network') {
      const health = await this.network().health();
      if (health.coverOpen) throw printFault('printer_cover_open');
      if (health.paperOut) throw printFault('printer_paper_out');
      return health;
    }
    if (this.kind === 'device') {
      if (!(await deviceExists(this.settings.interface.trim()))) throw printFault('printer_device_missing');
      return { paperOut: false, coverOpen: false };
    }
    const printer = this.library();
    let connected = false;
    try {
      // With printer: interfaces the library throws instead of returning false.
      connected = await printer.isPrinterConnected();
    } catch {
      connected = false;
    }
    if (!connected) throw printFault('printer_timeout');
    return { paperOut: false, coverOpen: false };
  }

  /** Sends one job; `signal` stops it for good (the job's deadline, the mediator's cancel, the end of session). */
  async send(job: Buffer, signal: AbortSignal): Promise<void> {
    if (this.kind === 'network') return this.network().send(job, signal);
    if (this.kind === 'device') {
      const path = this.settings.interface.trim();
      if (!path) throw printFault('printer_bad_interface');
      return writeToDevice(path, job, signal, this.settings.timeoutMs);
    }
    await this.health();
    if (signal.aborted) throw stopFault(signal.reason, 'none');
    // A system printer's driver queues the job itself: it cannot be taken back once handed over.
    const printer = this.library();
    printer.setBuffer(job);
    try {
      await withTimeout(printer.execute(), this.settings.timeoutMs);
    } catch (error) {
      throw printFault('printer_system_failed', 'unknown', error);
    }
  }

  private network(): NetworkLink {
    const target = parseNetworkInterface(this.settings.interface);
    if (!target) throw printFault('printer_bad_interface');
    return new NetworkLink({
      ...target,
      timeoutMs: this.settings.timeoutMs,
      askStatus: this.settings.askStatus && this.settings.type === 'epson',
    });
  }

  private library(): ThermalPrinter {
    const value = this.settings.interface.trim();
    if (!value) throw printFault('printer_bad_interface');
    let driver: PrinterDriver | undefined;
    if (this.kind === 'system') {
      driver = this.loadDriver() ?? undefined;
      if (!driver) throw printFault('printer_no_driver');
    }
    try {
      return new ThermalPrinter({
        type: this.settings.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
        interface: value,
        driver,
        options: { timeout: this.settings.timeoutMs },
      });
    } catch (error) {
      throw printFault('printer_bad_interface', 'none', error);
    }
  }
}

function loadInstalledDriver(): PrinterDriver | null {
  for (const name of ['@thiagoelg/node-printer', 'printer']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(name) as PrinterDriver;
    } catch {
      // not installed: try the next one
    }
  }
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
