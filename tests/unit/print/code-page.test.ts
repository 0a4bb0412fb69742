import { describe, expect, it } from 'vitest';
import { canEncode, codePageSubstitute } from '../../../main/print/code-page';
import { isQrPayloadSafe } from '../../../main/print/escpos';
import { parseNetworkInterface } from '../../../main/print/network-link';
import { interfaceKind } from '../../../main/print/thermal-printer';

const FRENCH = "é è ê à ç ù ô î œ « » € '";

describe('code pages', () => {
  it('keeps every French character on Windows-1252 and ISO 8859-15', () => {
    expect(codePageSubstitute('WPC1252')(FRENCH)).toBe(FRENCH);
    expect(codePageSubstitute('ISO8859_15_LATIN9')(FRENCH)).toBe(FRENCH);
  });

  it('replaces what a table lacks with the nearest readable text', () => {
    expect(codePageSubstitute('PC858_EURO')(FRENCH)).toBe("é è ê à ç ù ô î oe « » € '");
    expect(codePageSubstitute('PC850_MULTILINGUAL')('42,50 € – « cœur »')).toBe('42,50 EUR - « coeur »');
    expect(codePageSubstitute('PC437_USA')('À Ça È')).toBe('A Ça E');
    expect(codePageSubstitute('WPC1252')('Nom : 李')).toBe('Nom : ?');
  });

  it('knows which table holds which character', () => {
    expect(canEncode('€', 'PC858_EURO')).toBe(true);
    expect(canEncode('œ', 'PC858_EURO')).toBe(false);
    expect(canEncode('€', 'PC850_MULTILINGUAL')).toBe(false);
  });
});

describe('printer addresses', () => {
  it('reads network printer addresses with the raw port 9100 by default', () => {
    expect(parseNetworkInterface('tcp://192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parseNetworkInterface('tcp://imprimante.local:9101/')).toEqual({ host: 'imprimante.local', port: 9101 });
    expect(parseNetworkInterface('tcp://[fe80::1]:9100')).toEqual({ host: 'fe80::1', port: 9100 });
    expect(parseNetworkInterface('tcp://host:99999')).toBeNull();
    expect(parseNetworkInterface('http://host')).toBeNull();
  });

  it('tells network, device and system printers apart', () => {
    expect(interfaceKind('tcp://10.0.0.2:9100')).toBe('network');
    expect(interfaceKind('/dev/usb/lp0')).toBe('device');
    expect(interfaceKind('COM3')).toBe('device');
    expect(interfaceKind('printer:EPSON_TM_T20')).toBe('system');
  });

  it('sends only printable ASCII as a QR payload', () => {
    expect(isQrPayloadSafe('https://immatriculation.ants.gouv.fr/')).toBe(true);
    expect(isQrPayloadSafe('https://exemple.fr/démarche')).toBe(false);
    expect(isQrPayloadSafe('')).toBe(false);
  });
});
