import { describe, expect, it } from 'vitest';
import {
  buildReceiptModel,
  RECEIPT_KEEP,
  RECEIPT_NOTICE,
  RECEIPT_PRIVACY,
  RECEIPT_TITLE,
} from '../../../main/print/receipt-model';
import { abandonnee, deposee, incomplete, orientee, station } from './receipt-records';

const printedAt = new Date('2026-11-23T16:05:00Z');

describe('receipt model', () => {
  it('names the station, its type and commune, and the date and time in French', () => {
    const model = buildReceiptModel({ records: [deposee], station, printedAt });
    expect(model.title).toBe(RECEIPT_TITLE);
    expect(model.title).toBe('Reçu du point numérique');
    expect(model.station).toBe('Point numérique de la sous-préfecture');
    expect(model.place).toBe('Sous-préfecture - Château-Thierry');
    expect(model.printedAt).toBe('Le lundi 23 novembre 2026 à 17:05');
  });

  it('says it is the counter’s receipt, not the administration’s accusé de réception, and that nothing is kept', () => {
    const model = buildReceiptModel({ records: [], station, printedAt });
    expect(model.notice).toBe(RECEIPT_NOTICE);
    expect(model.notice).toContain("n'est pas l'accusé de réception de l'administration");
    expect(model.privacy).toBe(RECEIPT_PRIVACY);
    expect(model.contacts).toEqual(['Une question ? Appelez le 34 00.']);
    expect(model.keep).toBeNull();
  });

  it('gives the number with its name and the délai with its source only for a filed démarche', () => {
    const model = buildReceiptModel({ records: [deposee, incomplete, orientee, abandonnee], station, printedAt });
    const [filed, unfinished, elsewhere, stopped] = model.demarches;
    expect(filed!.numero).toEqual({ label: 'Numéro de demande', value: 'CIM-2611-4F7Q2' });
    expect(filed!.delais).toBe(
      'La plupart des cartes grises arrivent en une semaine, par courrier sécurisé. (Source : ANTS 2019.)',
    );
    expect(unfinished!.numero).toBeNull();
    expect(unfinished!.delais).toBeNull();
    expect(unfinished!.missing).toEqual(incomplete.piecesMissing);
    expect(elsewhere!.doNow).toEqual(orientee.nextSteps);
    expect(model.demarches.map((d) => d.outcome)).toEqual([
      'Demande envoyée',
      'Pas finie : il manque des pièces',
      'À faire ailleurs',
      'Arrêtée aujourd’hui',
    ]);
    expect(stopped!.missing).toEqual(abandonnee.piecesMissing);
    expect(model.keep).toBe(RECEIPT_KEEP);
  });

  it('explains how to follow the dossier once per site, for filed or unfinished démarches only', () => {
    const model = buildReceiptModel({ records: [deposee, incomplete, orientee], station, printedAt });
    expect(model.followUps).toHaveLength(1);
    expect(model.followUps[0]).toMatchObject({
      url: 'https://immatriculation.ants.gouv.fr/',
      for: [deposee.title, incomplete.title],
    });
    expect(buildReceiptModel({ records: [orientee, abandonnee], station, printedAt }).followUps).toEqual([]);
  });

  it('carries nothing but the record labels: no field outside the catalog texts and the numéro', () => {
    const model = buildReceiptModel({ records: [deposee, incomplete], station, printedAt });
    expect(JSON.stringify(model)).not.toContain('NE-DOIT-PAS-SORTIR');
    expect(Object.keys(model.demarches[0]!).sort()).toEqual(
      ['delais', 'doNow', 'missing', 'numero', 'outcome', 'title'].sort(),
    );
  });
});
