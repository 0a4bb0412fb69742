import { describe, expect, it } from 'vitest';
import { parseScannerAddress } from '../../../main/scanner/address';

describe('the scanner address the référent types', () => {
  it('accepts http(s)://host[:port]/eSCL and ends it with a slash', () => {
    expect(parseScannerAddress('http://192.168.1.20/eSCL')).toEqual({
      ok: true,
      base: 'http://192.168.1.20/eSCL/',
      tls: false,
    });
    expect(parseScannerAddress(' https://scanner.local:8443/eSCL/ ')).toEqual({
      ok: true,
      base: 'https://scanner.local:8443/eSCL/',
      tls: true,
    });
  });

  it('adds http:// and /eSCL when they are left out', () => {
    expect(parseScannerAddress('192.168.1.20')).toMatchObject({ ok: true, base: 'http://192.168.1.20/eSCL/' });
  });

  it('refuses other schemes, credentials, queries and odd paths, in French', () => {
    for (const bad of [
      'file:///etc/passwd',
      'ftp://192.168.1.20/eSCL',
      'http://user:secret@192.168.1.20/eSCL',
      'http://192.168.1.20/eSCL?x=1',
      'http://192.168.1.20/eSCL#top',
      'http://192.168.1.20/eSCL/<b>',
      'http://exa mple/eSCL',
      '',
    ]) {
      const checked = parseScannerAddress(bad);
      expect(checked.ok, bad).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/scanner|adresse/i);
    }
  });
});
