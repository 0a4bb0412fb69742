import { describe, expect, it } from 'vitest';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { checkCatalog, parseLocalDemarches, readCatalogDir } from '../../../main/flow/catalog';
import { checkEphoto, checkFormat, checkPattern, checkPlate, compilePattern } from '../../../main/flow/formats';
import { BUILT_IN_SITE_HOSTS } from '../../../main/site/hosts';

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

  it('warns on what SIV never issues: I, O, U, SS, 000 (an O typed for a 0), and says WW is provisional', () => {
    for (const typed of ['AI-123-CD', 'AB-123-OD', 'UB-123-CD', 'SS-123-CD', 'AB-000-CD']) {
      const check = checkPlate(typed);
      expect(check, typed).toMatchObject({ ok: true, warning: true });
    }
    expect(checkPlate('AB-123-OD').message).toMatch(/O est peut-être un zéro/);
    expect(checkPlate('WW-123-CD').message).toMatch(/provisoire/);
    expect(checkPlate('AB-123-CD').warning).toBeUndefined();
    // An O typed in the digits is not a plate at all, and the message says why.
    expect(checkPlate('AB-1O3-CD')).toMatchObject({ ok: false });
    expect(checkPlate('AB-1O3-CD').message).toMatch(/peut-être un zéro/);
  });

  it('counts the e-photo code and warns on an unusual length, never refuses it (no official length)', () => {
    expect(checkEphoto('abcd efgh ijkl mnop 1234 56')).toMatchObject({
      ok: true,
      normalized: 'ABCDEFGHIJKLMNOP123456',
    });
    const short = checkEphoto('ABCDEFGHIJKLMNOP12345');
    expect(short).toMatchObject({ ok: true, warning: true });
    expect(short.message).toMatch(/21 caractères.*souvent 22/);
    expect(checkEphoto('ABCDEFGHIJKLMNOP12345*').ok).toBe(false);
  });

  it('wants a numéro de pré-demande of exactly 10 letters or digits', () => {
    const cni = byId('identite-cni-pre-demande');
    expect(checkFormat('pre-demande', 'a1b2c3d4e5', cni)).toMatchObject({ ok: true, normalized: 'A1B2C3D4E5' });
    for (const typed of ['A1', 'A1B2C3D4E', 'A1B2C3D4E5F']) {
      const wrong = checkFormat('pre-demande', typed, cni);
      expect(wrong.ok, typed).toBe(false);
      expect(wrong.message).toMatch(/exactement 10 chiffres et lettres/);
    }
    expect(checkFormat('numero', 'A1B2C3D4E5', cni).ok).toBe(true);
    expect(checkFormat('numero', 'A1B2C3D4E', cni).ok).toBe(false);
  });

  it('echoes a numéro as typed, dashes included, and accepts an unknown form with a warning', () => {
    expect(checkFormat('numero', ' ab12-cd34 ', byId('permis-duplicata'))).toMatchObject({
      ok: true,
      normalized: 'ab12-cd34',
    });
    const cession = checkFormat('code-cession', ' x7k 2p9 ', byId('cg-changement-titulaire'));
    expect(cession).toMatchObject({ ok: true, warning: true, normalized: 'x7k 2p9' });
    expect(cession.message).toMatch(/n'est pas connu/);
  });

  it('runs local patterns in linear time: ^(A+)+$ on a long input answers in under 50 ms', () => {
    const rule = { label: 'Numéro local', pattern: '^(A+)+$' };
    // Warm the engine once (its first match compiles the automaton), then time real checks.
    checkPattern('AAB', rule);
    for (const value of ['A'.repeat(199) + 'B', 'A'.repeat(100_000) + 'B']) {
      // The best of five runs: a busy machine (other tests on 2 cores) can pause any single run, never all five.
      let fastest = Infinity;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        const check = checkPattern(value, rule);
        fastest = Math.min(fastest, performance.now() - started);
        expect(check.ok).toBe(false);
      }
      expect(fastest).toBeLessThan(50);
    }
    // The same pattern in the JavaScript engine takes seconds on 30 characters: that is the bug this prevents.
  });

  it('refuses a pattern RE2 cannot run (backreference, lookahead), in the catalog check and for a local démarche', () => {
    expect(compilePattern('^(a)\\1$')).toMatchObject({ ok: false });
    expect(compilePattern('^(?=A)A+$')).toMatchObject({ ok: false });
    const base = byId('permis-duplicata');
    const bad = { ...base, id: 'locale-backref', numero: { ...base.numero, pattern: '^(A)\\1$' } };
    expect(checkCatalog([bad], BUILT_IN_SITE_HOSTS).join()).toMatch(/ne peut pas être vérifié/);
    const local = parseLocalDemarches([bad]);
    expect(local.demarches).toEqual([]);
    expect(local.problems[0]).toMatch(/démarche locale n° 1 : le modèle .* ne peut pas être vérifié/);
    // A check against such a pattern never runs it: accepted with a warning to reread.
    expect(checkPattern('AA', { label: 'Numéro', pattern: '^(A)\\1$' })).toMatchObject({ ok: true, warning: true });
  });

  it('checks the numéro de demande against the démarche pattern', () => {
    expect(checkFormat('numero', 'ab12-cd34', byId('permis-duplicata')).ok).toBe(true);
    expect(checkPattern('#', { label: 'Numéro', pattern: '^[0-9]+$' }).ok).toBe(false);
  });
});
