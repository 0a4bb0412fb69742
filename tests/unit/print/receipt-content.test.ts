import { describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../../main/flow/records';
import { codePageSubstitute } from '../../../main/print/code-page';
import { layoutReceipt, type ReceiptLine } from '../../../main/print/layout';
import { buildReceiptModel, RECEIPT_KEEP, RECEIPT_TITLE } from '../../../main/print/receipt-model';
import { catalogRecord } from './catalog-records';
import { station } from './receipt-records';

const printedAt = new Date('2026-11-23T16:05:00Z');
const texts = (lines: ReceiptLine[]) => lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
/** The receipt as one string of words, whatever the column it was broken at. */
const read = (lines: ReceiptLine[]) => texts(lines).join(' ').replace(/¬ /g, '').replace(/\s+/g, ' ');
const receipt = (records: FlowRecord[], width = 42, timeZone?: string) =>
  layoutReceipt(buildReceiptModel({ records, station: { ...station, timeZone }, printedAt }), {
    width,
    substitute: codePageSubstitute('WPC1252'),
  });

const filed = (id: string, numero: string) => catalogRecord(id, { kind: 'deposee', numero });

/** One case per démarche family and outcome: the number's right name and what the usager must do now. */
const CASES: Array<{ name: string; record: FlowRecord; says: RegExp[]; never: RegExp[] }> = [
  {
    name: 'carte grise filed',
    record: filed('cg-changement-titulaire', 'AB-2611-4F7Q2'),
    says: [/Numéro de demande : AB-2611-4F7Q2/, /À faire maintenant : - Imprimez le certificat provisoire \(CPI\)/],
    never: [/Code de cession/],
  },
  {
    name: 'vente filed: the code de cession, valid 15 days, for the buyer',
    record: filed('cg-declaration-cession', 'X7K2P9Q'),
    says: [
      /> Vente déclarée/,
      /Code de cession : X7K2P9Q/,
      /Donnez le code de cession à l’acheteur\. Il est valable 15 jours\./,
    ],
    never: [/Numéro de demande/, /CPI/],
  },
  {
    name: 'pré-demande: to bring to a mairie appointment, not sent',
    record: filed('identite-cni-pre-demande', 'A1B2C3D4E5'),
    says: [
      /> Pré-demande faite \(pas encore envoyée\)/,
      /Numéro de pré-demande : A1B2C3D4E5/,
      /Prenez rendez-vous dans une mairie équipée/,
      /Apportez le numéro de pré-demande/,
    ],
    never: [/Demande envoyée/, /étudi/, /Numéro de demande/],
  },
  {
    name: 'ANEF filed: the numéro de dossier and the ANEF help line',
    record: filed('etrangers-titre-sejour-renouvellement', 'ANEF-0001-2345'),
    says: [/Numéro de dossier ANEF : ANEF-0001-2345/, /0 806 001 620/, /attestation de dépôt/],
    never: [/Numéro de demande/],
  },
  {
    name: 'permis filed',
    record: filed('permis-duplicata', 'PC-2611-AB12'),
    says: [/Numéro de demande : PC-2611-AB12/, /attestation/, /Délai : En 2019 : .* \(Source : ANTS/],
    never: [/CPI/],
  },
  {
    name: 'carte grise unfinished: what is missing and where to get it, never "print the CPI"',
    record: catalogRecord('cg-changement-titulaire', { kind: 'incomplete', missing: ['controle-technique'] }),
    says: [
      /> Pas finie : il manque des pièces/,
      /Il manque : - Contrôle technique de moins de 6 mois\. Où l'obtenir : Dans un centre de contrôle technique/,
      /Revenez au point numérique pour finir la démarche/,
    ],
    never: [/CPI/, /certificat provisoire/, /Numéro de demande :/, /Délai :/],
  },
  {
    name: 'permis oriented to the police',
    record: catalogRecord('permis-duplicata', {
      kind: 'orientee',
      orientation: 'police-gendarmerie',
      why: 'Déclarez le vol d’abord.',
    }),
    says: [/> À faire ailleurs/, /Allez voir : La police ou la gendarmerie\. - Déclarez le vol d’abord\./],
    never: [/Numéro de demande :/, /Suivre/],
  },
  {
    name: 'démarche stopped',
    record: catalogRecord('cg-changement-adresse', { kind: 'abandonnee' }),
    says: [/> Arrêtée aujourd’hui/, /revenir au point numérique pour la reprendre/],
    never: [/Numéro de demande :/, /CPI/, /Gardez ce reçu/],
  },
];

describe('receipt content per démarche family and outcome', () => {
  for (const { name, record, says, never } of CASES) {
    it(name, () => {
      const text = read(receipt([record]));
      for (const pattern of says) expect(text).toMatch(pattern);
      for (const pattern of never) expect(text).not.toMatch(pattern);
      expect(text.startsWith(RECEIPT_TITLE)).toBe(false); // centred: padded with spaces
      expect(text).toContain(RECEIPT_TITLE);
    });
  }

  it('sets the number apart: its own line, bold and double height, exactly as typed', () => {
    const lines = receipt([filed('cg-changement-titulaire', 'ab-2611-4f7q2')]);
    expect(lines).toContainEqual({ kind: 'text', text: '  ab-2611-4f7q2', bold: true, tall: true });
  });
});

describe('receipt length', () => {
  const one = CASES.filter((c) => c.record.outcome === 'deposee').map((c) => c.record);
  const budgets = { 32: { one: 56, three: 116 }, 42: { one: 45, three: 90 }, 48: { one: 42, three: 86 } } as const;
  for (const width of [32, 42, 48] as const) {
    it(`one filed démarche fits ${budgets[width].one} lines at ${width} columns, three fit ${budgets[width].three}`, () => {
      for (const record of one) {
        const lines = receipt([record], width);
        expect(lines.length, record.demarcheId).toBeLessThanOrEqual(budgets[width].one);
        for (const text of texts(lines)) expect(text.length).toBeLessThanOrEqual(width);
      }
      const three = [one[0]!, one[1]!, one[4]!];
      expect(receipt(three, width).length).toBeLessThanOrEqual(budgets[width].three);
      expect(receipt([one[2]!, one[3]!, CASES[5]!.record], width).length).toBeLessThanOrEqual(budgets[width].three);
    });
  }

  it('keeps every fact the usager needs: what was filed, the number, next steps, délais, how to follow, whom to call', () => {
    const text = read(receipt([filed('cg-changement-titulaire', 'AB-2611-4F7Q2')]));
    expect(text).toMatch(/Carte grise : changement de titulaire/);
    expect(text).toMatch(/AB-2611-4F7Q2/);
    expect(text).toMatch(/À faire maintenant/);
    expect(text).toMatch(/Délai :/);
    expect(text).toMatch(/Suivre votre dossier .* https:\/\/moncompte\.ants\.gouv\.fr\//);
    expect(text).toMatch(/Appelez le 34 00\./);
  });
});

describe('no block said twice', () => {
  it('three démarches sharing the ANTS follow-up page get one follow-up block, one QR code, one "gardez"', () => {
    const records = [
      filed('cg-changement-titulaire', 'AB-2611-4F7Q2'),
      filed('cg-declaration-cession', 'X7K2P9Q'),
      filed('permis-duplicata', 'PC-2611-AB12'),
    ];
    const lines = receipt(records);
    const all = texts(lines);
    expect(lines.filter((l) => l.kind === 'qr')).toHaveLength(1);
    expect(all.filter((t) => t.includes('moncompte.ants.gouv.fr'))).toHaveLength(1);
    expect(read(lines).split(RECEIPT_KEEP)).toHaveLength(2);
    expect(all.filter((t) => /^Suivre/.test(t))).toHaveLength(1);
    expect(all.filter((t) => /Appelez le 34 00/.test(t))).toHaveLength(1);
    // No run of 3 identical lines appears twice (a repeated paragraph), rules and blank lines aside.
    const runs = new Set<string>();
    for (let i = 0; i + 3 <= all.length; i++) {
      const run = all.slice(i, i + 3);
      if (run.some((t) => /^[-=]+$/.test(t) || !t.trim())) continue;
      const key = run.join('\n');
      expect(runs.has(key), key).toBe(false);
      runs.add(key);
    }
  });

  it('gives each administration’s help line once, beside the station’s line', () => {
    const text = read(
      receipt([filed('etrangers-titre-sejour-renouvellement', 'A-1'), filed('etrangers-changement-adresse', 'A-2')]),
    );
    expect(text.split('0 806 001 620')).toHaveLength(2);
    expect(text).toMatch(/Suivre : Titre de séjour : renouvellement \(ANEF\) ; Titre de séjour : changement/);
  });
});

describe('time on the receipt', () => {
  it('is the station’s own time zone, from its configuration', () => {
    expect(read(receipt([], 48))).toContain('le lundi 23 novembre 2026 à 17:05');
    expect(read(receipt([], 48, 'America/Cayenne'))).toContain('le lundi 23 novembre 2026 à 13:05');
    expect(read(receipt([], 48, 'Indian/Reunion'))).toContain('le lundi 23 novembre 2026 à 20:05');
    expect(read(receipt([], 48, 'Pas/UnFuseau'))).toContain('à 17:05');
  });
});
