import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, fieldName } from '../../../main/config/field-errors';
import { PrinterSection, SessionSection } from '../../../preload/contract/config-sections';

describe('French messages that point to the wrong field', () => {
  it('names known fields by their label and their place in the file', () => {
    expect(fieldName(['config', 'printer', 'width'])).toBe('« Largeur du papier » (config.printer.width)');
    expect(fieldName(['site', 'extraHosts', 2])).toBe('« Sites autorisés en plus » (site.extraHosts.2)');
    expect(fieldName(['somewhere', 'else'])).toBe('« somewhere.else »');
  });

  it('says what is wrong: type, range, list of values, unknown key, missing field', () => {
    const printer = PrinterSection.strict();
    const message = (schema: z.ZodType, value: unknown, prefix: string[] = []) =>
      describeIssues(schema.safeParse(value).error!, prefix);
    expect(message(printer, { width: '48' }, ['printer'])).toBe(
      'Le champ « Largeur du papier » (printer.width) a une valeur non permise.',
    );
    expect(message(printer, { enabled: 'oui' }, ['printer'])).toBe(
      "Le champ « Imprimante utilisée » (printer.enabled) n'a pas le bon type : il faut oui/non (true ou false).",
    );
    expect(message(printer, { type: 'hp' }, ['printer'])).toBe(
      'Le champ « Type d\'imprimante » (printer.type) a une valeur non permise. Valeurs possibles : "epson", "star".',
    );
    expect(message(printer, { couleur: true }, ['printer'])).toBe(
      'Le champ « printer.couleur » est inconnu : retirez-le du fichier.',
    );
    expect(message(SessionSection, { idleMinutes: 2 }, ['session'])).toBe(
      "Le champ « Délai d'inactivité (minutes) » (session.idleMinutes) est trop petit (au moins 3).",
    );
    expect(message(z.object({ a: z.string() }), {})).toBe('Le champ « a » manque.');
  });

  it('stops after three problems and says how many more there are', () => {
    const error = SessionSection.strict().safeParse({
      a: 1,
      idleMinutes: 'x',
      idleWarningSeconds: 'y',
      kiosk: 3,
      openAtLogin: 4,
    }).error!;
    expect(describeIssues(error)).toMatch(/\(et 2 autre\(s\) erreur\(s\)\)$/);
  });
});
