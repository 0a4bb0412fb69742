import { describe, expect, it } from 'vitest';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { readCatalogDir } from '../../../main/flow/catalog';
import { checkEphoto, checkFormat, checkPattern, checkPlate } from '../../../main/flow/formats';

const { demarches } = readCatalogDir(demarchesCatalogDir());
const byId = (id: string) => demarches.find((d) => d.id === id)!;

describe('format helpers', () => {
  it('recognises SIV plates with or without dashes and writes them AB-123-CD', () => {
    for (const typed of ['AB-123-CD', 'ab123cd', 'ab 123 cd', ' Ab-123cd ']) {
      expect(checkPlate(typed), typed).toMatchObject({ ok: true, normalized: 'AB-123-CD' });
    }
  });

  it('recognises old FNI plates and writes them 1234 AB 56', () => {
    expect(checkPlate('1234ab56')).toMatchObject({ ok: true, normalized: '1234 AB 56' });
    expect(checkPlate('12 ABC 2A')).toMatchObject({ ok: true, normalized: '12 ABC 2A' });
    expect(checkPlate('5 A 974')).toMatchObject({ ok: true, normalized: '5 A 974' });
  });

  it('refuses what is not a plate, with a French explanation of both forms', () => {
    for (const typed of ['A-123-CD', 'AB-12-CD', '12345 AB 56', 'ABC', '']) {
      const check = checkPlate(typed);
      expect(check.ok, typed).toBe(false);
    }
    expect(checkPlate('AB-12-CD').message).toMatch(/2 lettres, 3 chiffres, 2 lettres/);
  });

  it('wants an e-photo code of exactly 22 letters or digits and counts what was typed', () => {
    expect(checkEphoto('abcd efgh ijkl mnop 1234 56')).toMatchObject({
      ok: true,
      normalized: 'ABCDEFGHIJKLMNOP123456',
    });
    const short = checkEphoto('ABCDEFGHIJKLMNOP12345');
    expect(short.ok).toBe(false);
    expect(short.message).toMatch(/22 caractères.*21/);
    expect(checkEphoto('ABCDEFGHIJKLMNOP12345*').ok).toBe(false);
  });

  it('checks the numéro de pré-demande against the catalog pattern and accepts an unknown form with a warning', () => {
    const cni = byId('identite-cni-pre-demande');
    expect(checkFormat('pre-demande', 'a1b2c3d4e5', cni)).toMatchObject({ ok: true, normalized: 'A1B2C3D4E5' });
    const wrong = checkFormat('pre-demande', 'A1', cni);
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/pas sûr/);
    const cession = checkFormat('code-cession', ' x7k 2p9 ', byId('cg-changement-titulaire'));
    expect(cession).toMatchObject({ ok: true, normalized: 'X7K2P9' });
    expect(cession.message).toMatch(/n'est pas connu/);
  });

  it('checks the numéro de demande against the démarche pattern', () => {
    expect(checkFormat('numero', 'ab12-cd34', byId('permis-duplicata')).ok).toBe(true);
    expect(checkPattern('#', { label: 'Numéro', pattern: '^[0-9]+$' }).ok).toBe(false);
  });
});
