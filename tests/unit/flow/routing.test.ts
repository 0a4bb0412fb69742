import { describe, expect, it } from 'vitest';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { readCatalogDir } from '../../../main/flow/catalog';
import { routeOf } from '../../../main/flow/routing';

const { demarches } = readCatalogDir(demarchesCatalogDir());
const byId = (id: string) => demarches.find((d) => d.id === id)!;
const titleOf = (id: string) => byId(id)?.title ?? id;

describe('eligibility routing', () => {
  it('asks the questions in order, then lets the usager go on', () => {
    const d = byId('permis-duplicata');
    expect(routeOf(d, {}, titleOf)).toEqual({ kind: 'pending', questionId: 'cause' });
    expect(routeOf(d, { cause: 'vol' }, titleOf)).toEqual({ kind: 'pending', questionId: 'declaration-vol' });
    expect(routeOf(d, { cause: 'vol', 'declaration-vol': 'oui', ephoto: 'oui' }, titleOf)).toEqual({
      kind: 'eligible',
    });
  });

  it('sends a stolen licence without a police report to the police or gendarmerie, saying why', () => {
    const route = routeOf(byId('permis-duplicata'), { cause: 'vol', 'declaration-vol': 'non' }, titleOf);
    expect(route).toMatchObject({
      kind: 'orientation',
      orientation: 'police-gendarmerie',
      to: 'La police ou la gendarmerie',
    });
    expect(route.kind === 'orientation' && route.why).toMatch(/déclarer le vol/);
  });

  it('sends a buyer without a code de cession to the seller’s déclaration de cession', () => {
    const route = routeOf(byId('cg-changement-titulaire'), { origine: 'particulier', 'code-cession': 'non' }, titleOf);
    expect(route).toMatchObject({ kind: 'demarche', demarcheId: 'cg-declaration-cession' });
    expect(route.kind === 'demarche' && route.title).toBe(byId('cg-declaration-cession').title);
  });

  it('sends someone living abroad to the consulate for the pré-demande', () => {
    expect(routeOf(byId('identite-passeport-pre-demande'), { 'en-france': 'non' }, titleOf)).toMatchObject({
      kind: 'orientation',
      orientation: 'consulat',
    });
  });

  it('a démarche without questions is open at once', () => {
    expect(routeOf(byId('cg-certificat-situation'), {}, titleOf)).toEqual({ kind: 'eligible' });
  });
});
