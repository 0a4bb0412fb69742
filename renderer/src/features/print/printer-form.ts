import type { StationConfig } from '../../../../preload/api';
import { joinInterface, splitInterface, type AddressKind } from './printer-address';

type PrinterSettings = StationConfig['printer'];
type Fields = 'enabled' | 'type' | 'width' | 'characterSet' | 'qrMode' | 'askStatus';

/** The printer panel's fields: its settings, with the interface string split into how and where. */
export type PrinterForm = Pick<PrinterSettings, Fields> & { kind: AddressKind; address: string };

export function printerForm(stored: PrinterSettings): PrinterForm {
  const { enabled, type, width, characterSet, qrMode, askStatus } = stored;
  return { enabled, type, width, characterSet, qrMode, askStatus, ...splitInterface(stored.interface) };
}

/**
 * What "Enregistrer" saves: the panel's fields only (the others, set elsewhere, stay as main has them), the address
 * joined back into config.printer.interface.
 */
export function printerPatch(form: PrinterForm): Pick<PrinterSettings, Fields | 'interface'> {
  const { kind, address, ...fields } = form;
  return { ...fields, interface: joinInterface(kind, address) };
}
