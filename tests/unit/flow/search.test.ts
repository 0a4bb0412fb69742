import { describe, expect, it } from 'vitest';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { readCatalogDir } from '../../../main/flow/catalog';
import { foldText, searchDemarches } from '../../../main/flow/search';

const { demarches } = readCatalogDir(demarchesCatalogDir());
const ids = (query: string) => searchDemarches(demarches, query).map((d) => d.id);

describe('catalog search', () => {
  it('ignores accents, case and apostrophe styles', () => {
    expect(foldText('Carte d’IDENTITÉ — Pré-demande')).toBe("carte d'identite pre demande");
  });

  it('"immatriculation" and "carte grise" find every carte grise démarche', () => {
    const carteGrise = demarches.filter((d) => d.category === 'carte-grise').map((d) => d.id);
    for (const query of [
      'immatriculation',
      'IMMATRICULATION',
      'carte grise',
      'Carte Grise',
      'certificat d’immatriculation',
    ]) {
      expect(ids(query), query).toEqual(expect.arrayContaining(carteGrise));
    }
  });

  it('"permis" finds the driving-licence démarches first, and "Permis" or "pérmis" the same', () => {
    const permis = demarches.filter((d) => d.category === 'permis').map((d) => d.id);
    const found = ids('permis');
    expect(found.slice(0, permis.length).sort()).toEqual([...permis].sort());
    expect(ids('PERMIS')).toEqual(found);
    expect(ids('pérmis')).toEqual(found);
  });

  it('needs every word: "permis vol" finds the duplicata, "passeport" finds the passport pré-demande first', () => {
    expect(ids('permis vol')[0]).toBe('permis-duplicata');
    expect(ids('passeport')[0]).toBe('identite-passeport-pre-demande');
    expect(ids('non gage')).toContain('cg-certificat-situation');
    expect(ids('cni')).toContain('identite-cni-pre-demande');
    expect(ids('zzzz introuvable')).toEqual([]);
  });

  it('finds the right entry for the words usagers say at the counter', () => {
    expect(ids('mariage')[0]).toBe('cg-changement-etat-civil');
    const sejour = searchDemarches(demarches, 'séjour').slice(0, 4);
    expect(sejour.every((d) => d.category === 'etrangers')).toBe(true);
    expect(sejour.map((d) => d.id)).toContain('etrangers-titre-sejour-renouvellement');
    expect(ids('renouvellement titre de séjour')[0]).toBe('etrangers-titre-sejour-renouvellement');
    expect(ids('étranger').slice(0, 8)).toEqual(
      expect.arrayContaining(['permis-echange-etranger', 'cg-vehicule-etranger', 'etrangers-naturalisation']),
    );
    expect(ids('permis étranger')[0]).toBe('permis-echange-etranger');
    expect(ids('points')[0]).toBe('permis-solde-points');
    expect(ids('amende')[0]).toBe('orientation-antai');
    expect(ids('naturalisation')[0]).toBe('etrangers-naturalisation');
    expect(ids('héritage')[0]).toBe('cg-succession');
    expect(ids('crit air')[0]).toBe('orientation-critair');
    expect(ids('carte vitale')[0]).toBe('orientation-cpam');
  });

  it('an empty search returns the whole catalog in its order', () => {
    expect(ids('  ')).toEqual(demarches.map((d) => d.id));
  });
});
