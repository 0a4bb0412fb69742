/** How the référent names the printer, and the interface string of config.printer.interface. */
export type AddressKind = 'network' | 'device' | 'system';

export function splitInterface(value: string): { kind: AddressKind; address: string } {
  if (/^tcp:\/\//i.test(value)) return { kind: 'network', address: value.replace(/^tcp:\/\//i, '').replace(/\/$/, '') };
  if (/^printer:/i.test(value)) return { kind: 'system', address: value.replace(/^printer:/i, '') };
  return { kind: 'device', address: value };
}

export function joinInterface(kind: AddressKind, address: string): string {
  const value = address.trim();
  if (kind === 'network') return `tcp://${/:\d+$/.test(value) ? value : `${value}:9100`}`;
  if (kind === 'system') return `printer:${value}`;
  return value;
}
