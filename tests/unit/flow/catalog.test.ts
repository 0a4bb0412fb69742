import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemarcheSchema, ORIENTATIONS } from '../../../preload/api';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { checkCatalog, parseLocalDemarches, readCatalogDir } from '../../../main/flow/catalog';
import { BUILT_IN_SITE_HOSTS } from '../../../main/site/hosts';
import { isAllowlistedHttpsUrl } from '../../../main/security/navigation';

const dir = demarchesCatalogDir();
const { demarches, problems } = readCatalogDir(dir);

describe('the démarches catalog (resources/demarches)', () => {
  it('validates every file with the schema, one file per démarche named after its id', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(problems).toEqual([]);
    expect(demarches).toHaveLength(files.length);
    for (const file of files) {
      const parsed = DemarcheSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('covers the ANTS téléprocédures of the domain notes, in the three families', () => {
    const ids = demarches.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'permis-inscription',
        'permis-renouvellement',
        'permis-duplicata',
        'permis-changement-etat-civil',
        'permis-international',
        'cg-changement-titulaire',
        'cg-changement-adresse',
        'cg-duplicata',
        'cg-declaration-cession',
        'cg-certificat-situation',
        'identite-cni-pre-demande',
        'identite-passeport-pre-demande',
      ]),
    );
    expect(new Set(demarches.map((d) => d.category))).toEqual(
      new Set(['permis', 'carte-grise', 'identite', 'etrangers', 'autre']),
    );
  });

  it('has the démarches a préfecture counter sees every day: ANEF, échange, succession, points, orientation', () => {
    const ids = demarches.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'etrangers-titre-sejour-renouvellement',
        'etrangers-changement-adresse',
        'etrangers-duplicata',
        'etrangers-naturalisation',
        'permis-echange-etranger',
        'cg-changement-etat-civil',
        'cg-succession',
        'cg-vehicule-etranger',
        'permis-solde-points',
        'identite-rendez-vous',
        'identite-declaration-perte',
        'orientation-antai',
        'orientation-critair',
        'orientation-caf',
        'orientation-cpam',
        'orientation-impots',
        'orientation-retraite',
        'orientation-france-travail',
      ]),
    );
    const anef = demarches.filter((d) => d.category === 'etrangers');
    for (const d of anef) {
      expect(new URL(d.startUrl).hostname, d.id).toBe('administration-etrangers-en-france.interieur.gouv.fr');
      expect(d.helpLine?.phone, d.id).toBe('0 806 001 620');
      expect(d.numero.label, d.id).toBe('Numéro de dossier ANEF');
    }
    for (const d of demarches.filter((d) => d.id.startsWith('orientation-'))) {
      expect(d.kind, d.id).toBe('orientation');
      expect(
        d.steps.map((step) => step.title),
        d.id,
      ).toEqual(['Où aller', 'Quoi apporter']);
      expect(d.pieces.length, d.id).toBeGreaterThan(0);
    }
  });

  it('gives every démarche its official sources, a "vérifié le" date and the right name for its number', () => {
    for (const d of demarches) {
      expect(d.sources.length, d.id).toBeGreaterThan(0);
      for (const source of d.sources) {
        expect(source.ref, d.id).toMatch(/^([FR]\d{2,6}|https:\/\/\S+)$/);
        expect(source.title.length, d.id).toBeGreaterThan(5);
      }
      expect(
        d.sources.some((s) => /notes de domaine/i.test(s.title)),
        d.id,
      ).toBe(false);
      expect(d.verifiedOn, d.id).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(d.delais.source.length, d.id).toBeGreaterThan(3);
      expect(d.filed.doNow.length, d.id).toBeGreaterThan(0);
    }
    const label = (id: string) => demarches.find((d) => d.id === id)!.numero.label;
    expect(label('cg-declaration-cession')).toBe('Code de cession');
    expect(label('identite-cni-pre-demande')).toBe('Numéro de pré-demande');
    expect(label('cg-changement-titulaire')).toBe('Numéro de demande');
  });

  it('refuses a démarche without sources or without its "vérifié le" date', () => {
    const good = structuredClone(demarches.find((d) => d.id === 'permis-duplicata')!);
    const { verifiedOn: _dropped, ...undated } = good;
    expect(DemarcheSchema.safeParse(undated).success).toBe(false);
    expect(DemarcheSchema.safeParse({ ...good, sources: [] }).success).toBe(false);
    expect(DemarcheSchema.safeParse({ ...good, sources: ['F1727'] }).success).toBe(false);
    expect(DemarcheSchema.safeParse({ ...good, sources: [{ ref: 'notes', title: 'Nos notes' }] }).success).toBe(false);
    expect(DemarcheSchema.safeParse({ ...good, verifiedOn: '1er décembre' }).success).toBe(false);
    const local = parseLocalDemarches([{ ...good, id: 'locale-sans-source', sources: undefined }]);
    expect(local.demarches).toEqual([]);
    expect(local.problems[0]).toMatch(/« sources »/);
    expect(checkCatalog([{ ...good, verifiedOn: '2999-01-01' }], BUILT_IN_SITE_HOSTS).join()).toMatch(
      /n'est pas une date passée/,
    );
  });

  it('states the corrected facts of the December 2026 review', () => {
    const d = (id: string) => demarches.find((x) => x.id === id)!;
    const all = (id: string) => JSON.stringify(d(id));
    // No new permis after a marriage; the foreign permis is exchanged online.
    const quoi = d('permis-changement-etat-civil').questions.find((q) => q.id === 'quoi')!;
    expect(quoi.answers.find((a) => a.id === 'mariage')!.leadsTo).toMatchObject({ orientation: 'aucune-demarche' });
    expect(quoi.answers.find((a) => a.id === 'etranger')!.leadsTo).toMatchObject({
      demarcheId: 'permis-echange-etranger',
    });
    expect(all('permis-inscription')).toContain('permis-echange-etranger');
    expect(d('permis-international').filed.doNow.join(' ')).toMatch(/15 jours.*photo.*lettre suivie/);
    expect(all('cg-declaration-cession')).toMatch(/code confidentiel à 5 chiffres/);
    expect(d('cg-declaration-cession').filed.doNow[0]).toMatch(/valable 15 jours/);
    expect(d('cg-certificat-situation').startUrl).toBe('https://histovec.interieur.gouv.fr/');
    expect(all('cg-duplicata')).toMatch(/2,76 €/);
    expect(all('permis-duplicata')).not.toMatch(/[Gg]ratuit si/);
    expect(all('permis-duplicata')).toMatch(/attestation valable 2 mois/);
    expect(all('cg-changement-adresse')).toMatch(/4e déménagement : 2,76 €/);
    expect(all('cg-changement-adresse')).toMatch(/135 €/);
    expect(d('identite-cni-pre-demande').numero.pattern).toBe('^[A-Z0-9]{10}$');
    expect(all('identite-cni-pre-demande')).toContain('rendezvouspasseport.ants.gouv.fr');
    expect(all('cg-changement-titulaire')).toContain('cg-succession');
    expect(all('permis-fabrication')).toMatch(/CEPC.*4 mois/);
    expect(all('permis-renouvellement')).toContain('19 janvier 2033');
    for (const x of demarches.filter((x) => x.category === 'carte-grise' && x.id !== 'cg-certificat-situation')) {
      expect(JSON.stringify(x.reminders), x.id).toMatch(/FranceConnect.*code confidentiel/);
    }
  });

  it('passes the cross-checks: every URL allowlisted, every pièce explained, every answer leads somewhere', () => {
    expect(checkCatalog(demarches, BUILT_IN_SITE_HOSTS)).toEqual([]);
    const ids = new Set(demarches.map((d) => d.id));
    for (const d of demarches) {
      for (const url of [d.startUrl, d.followUp.url, ...d.steps.map((s) => s.site).filter(Boolean)]) {
        expect(isAllowlistedHttpsUrl(url!, BUILT_IN_SITE_HOSTS), `${d.id}: ${url}`).toBe(true);
      }
      for (const piece of d.pieces) {
        expect(piece.explanation.length, `${d.id}/${piece.id}`).toBeGreaterThan(20);
        expect(piece.whereToGet.length, `${d.id}/${piece.id}`).toBeGreaterThan(10);
      }
      for (const question of d.questions) {
        for (const answer of question.answers) {
          const lead = answer.leadsTo;
          if (lead.kind === 'demarche') expect(ids.has(lead.demarcheId), `${d.id}→${lead.demarcheId}`).toBe(true);
          if (lead.kind === 'orientation') expect(Object.keys(ORIENTATIONS)).toContain(lead.orientation);
          if (lead.kind !== 'continue') expect(lead.why.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it('says at which step the usager signs in to their own account, on every démarche that needs an account', () => {
    const noAccount = ['cg-certificat-situation', 'identite-rendez-vous'];
    for (const d of demarches.filter((d) => d.kind === 'guided' && !noAccount.includes(d.id))) {
      expect(
        d.steps.some((step) => step.ownAccount),
        d.id,
      ).toBe(true);
    }
  });

  it('marks the numéro formats no official source confirmed as unsure', () => {
    for (const d of demarches) {
      if (d.numero.required && d.numero.pattern === null) expect(d.numero.unsure, d.id).toBe(true);
    }
    expect(demarches.find((d) => d.id === 'cg-changement-titulaire')!.numero.unsure).toBe(true);
  });

  it('finds a URL off the allowlist, an answer leading nowhere and an unexplained pièce', () => {
    const bad = structuredClone(demarches.find((d) => d.id === 'permis-duplicata')!);
    bad.startUrl = 'https://example.com/';
    bad.questions[0]!.answers[0]!.leadsTo = {
      kind: 'demarche',
      demarcheId: 'nulle-part',
      why: 'Pour voir ce qui se passe.',
    };
    bad.pieces[0]!.whereToGet = '?';
    const found = checkCatalog([...demarches.filter((d) => d.id !== bad.id), bad], BUILT_IN_SITE_HOSTS);
    expect(found.join('\n')).toMatch(/example\.com.*n'est pas dans la liste/);
    expect(found.join('\n')).toMatch(/démarche absente : nulle-part/);
    expect(found.join('\n')).toMatch(/ne dit pas où l'obtenir/);
  });

  it('refuses a local démarche that breaks the schema, with a French reason, and keeps the good ones', () => {
    const good = { ...demarches[0]!, id: 'locale-bonne' };
    const result = parseLocalDemarches([good, { id: 'Mauvaise', title: '' }]);
    expect(result.demarches.map((d) => [d.id, d.local])).toEqual([['locale-bonne', true]]);
    expect(result.problems[0]).toMatch(/démarche locale n° 2 : le champ « .+ » n'est pas valide/);
  });
});
