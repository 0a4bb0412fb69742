import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialog } from 'electron';
import { electronSaveExport } from '../../../main/survey/electron-save-export';
import { SESSION_COLUMNS } from '../../../main/survey/exports';
import { useTempDir } from '../../helpers/temp-dir';
import { DEFAULT_REFERENT_PIN, seedStation } from '../../helpers/seed-station';
import { parseCsv } from '../../unit/survey/parse-csv';
import { logSession } from './seed-log';
import { openStation } from './station';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir();
const originalSave = dialog.showSaveDialog;
afterEach(() => {
  dialog.showSaveDialog = originalSave;
});

const period = { from: '2026-11-01', to: '2026-11-30', demarcheId: null };

function stationWithLog() {
  const dir = tempDir();
  seedStation(dir, { config: { station: { name: 'Sous-préfecture de Château-Salins' } } });
  const services = openStation(dir);
  logSession(services.db, {
    day: '2026-11-02',
    startTime: '14:45',
    minutes: 35,
    mediator: 'Camille',
    form: {
      autonomy: 'autonome',
      themes: ['transports_mobilite'],
      equipment: ['ordinateur', 'scanner'],
      oriented: true,
      orientation: 'administration',
      profile: { alreadyHelped: 'oui', ageBand: 'soixante_dix_plus', gender: 'feminin', socialStatus: 'retraite' },
    },
    demarches: [
      { demarcheId: 'permis-renouvellement', outcome: 'deposee' },
      { demarcheId: 'cni-pre-demande', category: 'identite', outcome: 'orientee', orientation: 'mairie' },
    ],
    answers: { accueil: 'tres_satisfait', clarte: 'peu_satisfait' },
    recommend: 'oui',
  });
  logSession(services.db, { day: '2026-11-20', minutes: 10 });
  logSession(services.db, { day: '2026-12-02', minutes: 10 });
  return services;
}

const decode = (content: string | undefined) => Buffer.from(content ?? '', 'base64');

describe('exports of the statistics', () => {
  it('exports the session log as a CSV a French spreadsheet reads back, with the activity report codes', async () => {
    const services = stationWithLog();
    const result = await services.survey.export({ kind: 'sessions', ...period });
    expect(result).toMatchObject({ delivered: 'download', mimeType: 'text/csv', rows: 2 });
    expect(result.fileName).toBe('journal-accompagnements_2026-11-01_2026-11-30.csv');
    const bytes = decode(result.content);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { rows } = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([...SESSION_COLUMNS]);
    expect(rows).toHaveLength(3);
    const first = Object.fromEntries(SESSION_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    expect(first).toEqual({
      station: 'Sous-préfecture de Château-Salins',
      date: '2026-11-02',
      heure_debut: '14:45',
      duree_minutes: '35',
      duree_tranche: 'de_30_a_60',
      mediateur: 'Camille',
      type_lieu: 'lieu_activite',
      thematique: 'aide_aux_demarches_administratives',
      thematiques_demarche_administrative: 'transports_mobilite',
      materiel: expect.stringMatching(/^(ordinateur,scanner|scanner,ordinateur)$/),
      autonomie: 'autonome',
      oriente_vers_structure: 'oui',
      structure_de_redirection: 'administration',
      demarches: 'permis-renouvellement,cni-pre-demande',
      categories_demarches: 'permis,identite',
      resultats_demarches: 'deposee,orientee',
      orientations_demarches: ',mairie',
      pieces_importees: '0',
      recu_imprime: 'non',
      enquete_repondue: 'oui',
      deja_accompagne: 'oui',
      tranche_age: 'soixante_dix_plus',
      genre: 'feminin',
      statut_social: 'retraite',
    });
    expect(rows[2]![SESSION_COLUMNS.indexOf('autonomie')]).toBe('non_renseigne');
    const journal = services.journal.list({ code: 'export.made' });
    expect(journal[0]).toMatchObject({ actor: 'referent', details: { kind: 'sessions', rows: 2 } });
    services.close();
  });

  it('exports the aggregated figures with rates in French decimals and their counts', async () => {
    const services = stationWithLog();
    const result = await services.survey.export({ kind: 'figures', ...period });
    const { bom, rows } = parseCsv(decode(result.content).toString('utf8'));
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(['indicateur', 'code', 'libelle', 'valeur', 'nombre_reponses']);
    const find = (indicator: string, code = '') => rows.find((r) => r[0] === indicator && r[1] === code);
    expect(find('accompagnements')?.[3]).toBe('2');
    expect(find('duree_mediane_minutes')?.[3]).toBe('22,5');
    expect(find('taux_satisfaction_pourcent', 'accueil')).toEqual([
      'taux_satisfaction_pourcent',
      'accueil',
      'Accueil',
      '100',
      '1',
    ]);
    expect(find('taux_satisfaction_pourcent', 'clarte')?.slice(3)).toEqual(['0', '1']);
    expect(find('taux_satisfaction_pourcent', 'solution')?.slice(3)).toEqual(['', '0']);
    expect(find('resultat', 'orientee')?.[3]).toBe('1');
    expect(find('recommandation', 'oui')?.[3]).toBe('1');
    services.close();
  });

  it('makes a one-page PDF summary of the survey results', async () => {
    const services = stationWithLog();
    const result = await services.survey.export({ kind: 'summary', ...period });
    const pdf = decode(result.content);
    expect(result.mimeType).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    services.close();
  });

  it('uses the desktop save dialog when the platform has one, and journals nothing when cancelled', async () => {
    const dir = tempDir();
    const target = join(dir, 'export.csv');
    let answer = { canceled: true, filePath: '' };
    dialog.showSaveDialog = async () => answer;
    const services = openStation(dir, { platform: { saveExport: electronSaveExport(() => undefined) } });
    logSession(services.db, { day: '2026-11-02' });
    expect((await services.survey.export({ kind: 'sessions', ...period })).delivered).toBe('cancelled');
    expect(services.journal.list({ code: 'export.made' })).toEqual([]);
    answer = { canceled: false, filePath: target };
    const saved = await services.survey.export({ kind: 'sessions', ...period });
    expect(saved.delivered).toBe('saved');
    expect(saved.content).toBeUndefined();
    expect(existsSync(target)).toBe(true);
    expect(parseCsv(readFileSync(target, 'utf8')).rows).toHaveLength(2);
    services.close();
  });

  it('opens the statistics and exports to the référent only', async () => {
    const services = stationWithLog();
    const dispatch = stationDispatch(services);
    const web = { transport: 'web' as const };
    const stats = () => dispatch('survey.stats', { ...period, granularity: 'day' }, web);
    expect(await stats()).toMatchObject({ ok: false, error: { code: 'referent_required' } });
    expect(await dispatch('survey.export', { kind: 'sessions', ...period }, web)).toMatchObject({
      ok: false,
      error: { code: 'referent_required' },
    });
    await services.access.referentSignIn(DEFAULT_REFERENT_PIN);
    expect(await stats()).toMatchObject({ ok: true, value: { sessions: 2 } });
    services.close();
  });
});
