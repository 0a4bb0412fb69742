import { describe, expect, it } from 'vitest';
import { buildReceiptModel, RECEIPT_NOTICE, RECEIPT_PRIVACY } from '../../../main/print/receipt-model';
import { abandonnee, deposee, incomplete, orientee, station } from './receipt-records';

const printedAt = new Date('2026-11-23T16:05:00Z');

describe('receipt model', () => {
  it('names the station, its type and commune, and the date and time in French', () => {
    const model = buildReceiptModel({ records: [deposee], station, printedAt });
    expect(model.station).toBe('Point numérique de la sous-préfecture');
    expect(model.place).toBe('Sous-préfecture - Château-Thierry');
    expect(model.printedAt).toBe('Le lundi 23 novembre 2026 à 17:05');
  });

  it('says it is the counter récépissé, not the administration accusé de réception, and that nothing is kept', () => {
    const model = buildReceiptModel({ records: [], station, printedAt });
    expect(model.notice).toBe(RECEIPT_NOTICE);
    expect(model.notice).toContain("Ce n'est pas l'accusé de réception de l'administration");
    expect(model.privacy).toBe(RECEIPT_PRIVACY);
    expect(model.contact).toBe('Une question sur votre dossier ? Appelez le 34\u00a000.');
  });

  it('gives the numéro, délais and what the usager receives only for a filed démarche', () => {
    const model = buildReceiptModel({ records: [deposee, incomplete, orientee, abandonnee], station, printedAt });
    const [filed, unfinished, elsewhere, stopped] = model.demarches;
    expect(filed!.numero).toBe('CIM-2611-4F7Q2');
    expect(filed!.delais).toContain('une semaine');
    expect(filed!.receives).toEqual(["Certificat provisoire d'immatriculation (CPI)"]);
    expect(unfinished!.numero).toBeNull();
    expect(unfinished!.piecesMissing).toEqual(incomplete.piecesMissing);
    expect(elsewhere!.orientation?.to).toBe('La mairie (avec une station biométrique)');
    expect(stopped!.outcome).toBe('Démarche arrêtée');
    expect(model.demarches.map((d) => d.outcome)).toEqual([
      'Demande déposée',
      'Demande pas terminée',
      'À faire ailleurs',
      'Démarche arrêtée',
    ]);
  });

  it('explains how to follow the dossier once per site, for filed or unfinished démarches only', () => {
    const model = buildReceiptModel({ records: [deposee, incomplete, orientee], station, printedAt });
    expect(model.followUps).toHaveLength(1);
    expect(model.followUps[0]!.url).toBe('https://immatriculation.ants.gouv.fr/');
    expect(model.followUps[0]!.statuses.map((s) => s.name)).toEqual(['En instruction', 'À compléter']);
    expect(buildReceiptModel({ records: [orientee, abandonnee], station, printedAt }).followUps).toEqual([]);
  });

  it('carries nothing but the record labels: no field outside the catalog texts and the numéro', () => {
    const model = buildReceiptModel({ records: [deposee], station, printedAt });
    expect(JSON.stringify(model)).not.toContain('NE-DOIT-PAS-SORTIR');
    expect(Object.keys(model.demarches[0]!).sort()).toEqual(
      [
        'delais',
        'explanation',
        'nextSteps',
        'numero',
        'orientation',
        'outcome',
        'piecesMissing',
        'piecesProvided',
        'receives',
        'reminders',
        'title',
      ].sort(),
    );
  });
});
