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
    expect(new Set(demarches.map((d) => d.category))).toEqual(new Set(['permis', 'carte-grise', 'identite']));
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
    for (const d of demarches.filter((d) => d.id !== 'cg-certificat-situation')) {
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
