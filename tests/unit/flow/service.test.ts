import { describe, expect, it } from 'vitest';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { ConfigStore } from '../../../main/config/config-store';
import { Settings } from '../../../main/config/settings';
import { openStationDb } from '../../../main/db/open';
import { FlowService } from '../../../main/flow/service';
import { Journal } from '../../../main/journal/journal';
import { silentLogger } from '../../../main/log';
import { SessionService } from '../../../main/session/service';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

/** A scan of the session as main/scan would list it (id, démarche, pièce). */
type Scan = { id: string; demarcheId: string | null; pieceId: string | null };

function station(scans: Scan[] = []) {
  const dataDir = tempDir();
  const db = openStationDb(dataDir);
  const config = new ConfigStore(new Settings(db));
  const sessions = new SessionService({ dataDir, journal: new Journal(db) });
  const flow = new FlowService({
    catalogDir: demarchesCatalogDir(),
    config,
    sessions,
    log: silentLogger,
    scans: () => scans,
  });
  return { db, config, sessions, flow };
}

describe('the guided flow of a session', () => {
  it('refuses to start a démarche without a running session, in French', () => {
    const { flow } = station();
    expect(() => flow.start('permis-duplicata')).toThrow(/Aucun accompagnement n'est en cours/);
  });

  it('keeps several démarches in one session and their anonymous facts current', () => {
    const { flow, sessions } = station();
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const permis = flow.start('permis-duplicata');
    const cg = flow.start('cg-changement-titulaire');
    expect(flow.list().map((e) => e.demarcheId)).toEqual(['permis-duplicata', 'cg-changement-titulaire']);

    flow.setOutcome(permis.key, { kind: 'deposee', numero: 'AB12CD34' });
    flow.setOutcome(cg.key, { kind: 'orientee', orientation: 'professionnel-auto', why: 'Véhicule importé.' });
    expect(session.facts.demarches).toEqual([
      { demarcheId: 'permis-duplicata', category: 'permis', outcome: 'deposee' },
      {
        demarcheId: 'cg-changement-titulaire',
        category: 'carte-grise',
        outcome: 'orientee',
        orientation: 'professionnel-auto',
      },
    ]);
    // The facts never carry the numéro or the notes.
    flow.setNotes(permis.key, 'Rappeler lundi');
    expect(JSON.stringify(session.facts)).not.toMatch(/AB12CD34|Rappeler/);
  });

  it('requires the numéro for a filed démarche and accepts an unusual one with a warning', () => {
    const { flow, sessions } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('identite-passeport-pre-demande');
    expect(() => flow.setOutcome(entry.key, { kind: 'deposee', numero: ' ' })).toThrow(
      /notez le numéro de pré-demande/,
    );
    const odd = flow.setOutcome(entry.key, { kind: 'deposee', numero: 'pas un numéro' });
    expect(odd.outcome).toEqual({ kind: 'deposee', numero: 'pas un numéro' });
    expect(odd.numeroWarning).toMatch(/n'a pas la forme habituelle/);
    expect(flow.setOutcome(entry.key, { kind: 'deposee', numero: 'A1B2C3D4E5' }).numeroWarning).toBeNull();
  });

  it('lets the certificat de situation be filed without a numéro (it ends with a PDF)', () => {
    const { flow, sessions } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('cg-certificat-situation');
    expect(flow.setOutcome(entry.key, { kind: 'deposee', numero: '' }).outcome).toEqual({
      kind: 'deposee',
      numero: '',
    });
  });

  it('lists the missing pièces of an incomplete démarche, from the checklist when none are given', () => {
    const { flow, sessions } = station([
      { id: 'scan-1', demarcheId: 'cg-changement-titulaire', pieceId: 'justificatif-domicile' },
    ]);
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('cg-changement-titulaire');
    expect(() => flow.setOutcome(entry.key, { kind: 'incomplete', missing: [] })).toThrow(
      /cochez les pièces qui manquent/,
    );
    // The scan attached to the pièce (main/scan) makes it provided, without any call from a screen.
    expect(flow.get(entry.key).pieces['justificatif-domicile']).toEqual({ status: 'scan', scans: ['scan-1'] });
    flow.setPiece(entry.key, 'controle-technique', 'manquant');
    flow.setPiece(entry.key, 'ancienne-carte-grise', 'present');
    const done = flow.setOutcome(entry.key, { kind: 'incomplete', missing: [] });
    expect(done.outcome).toEqual({ kind: 'incomplete', missing: ['controle-technique'] });

    const [record] = flow.records(session);
    expect(record).toMatchObject({
      demarcheId: 'cg-changement-titulaire',
      outcome: 'incomplete',
      numero: null,
      piecesProvided: ['Justificatif de domicile de moins de 6 mois', 'Ancienne carte grise barrée et signée'],
      piecesMissing: ['Contrôle technique de moins de 6 mois'],
    });
    expect(record!.reminders.join(' ')).toMatch(/certificat provisoire d’immatriculation \(CPI\).*1 mois/);
    expect(record!.followUp?.url).toBe('https://moncompte.ants.gouv.fr/');
  });

  it('builds the receipt records with the numéro, the orientation and the catalog texts', () => {
    const { flow, sessions } = station();
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const a = flow.start('identite-cni-pre-demande');
    flow.setOutcome(a.key, { kind: 'deposee', numero: 'A1B2C3D4E5' });
    const b = flow.start('permis-duplicata');
    flow.answer(b.key, 'cause', 'vol');
    const routed = flow.answer(b.key, 'declaration-vol', 'non');
    expect(routed.route).toMatchObject({ kind: 'orientation', orientation: 'police-gendarmerie' });
    flow.setOutcome(b.key, { kind: 'orientee', orientation: 'police-gendarmerie', why: 'Déclarer le vol d’abord.' });
    const [cni, permis] = flow.records(session);
    expect(cni).toMatchObject({ numero: 'A1B2C3D4E5', outcome: 'deposee' });
    expect(cni!.reminders.join(' ')).toMatch(/valable 6 mois/);
    expect(permis!.orientation).toEqual({ to: 'La police ou la gendarmerie', why: 'Déclarer le vol d’abord.' });
    expect(permis!.nextSteps[0]).toBe('Allez voir : La police ou la gendarmerie.');
  });

  it('drops all flow state when the session ends', async () => {
    const { flow, sessions } = station();
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('permis-renouvellement');
    flow.setNotes(entry.key, 'note');
    await sessions.end('ended');
    expect(flow.records(session)).toEqual([]);
    sessions.start({ id: null, pseudonym: 'Camille' });
    expect(flow.list()).toEqual([]);
    expect(() => flow.get(entry.key)).toThrow(/n'est plus en cours/);
  });

  it('hides the démarches the référent hid and adds valid local ones', () => {
    const { flow, config } = station();
    const local = {
      ...flow.demarche('cg-changement-adresse'),
      id: 'locale-stationnement',
      title: 'Carte de stationnement',
    };
    config.setSection('demarches', { hidden: ['permis-international'], local: [local, { id: 'casse' }] });
    const visible = flow.catalog().demarches.map((d) => d.id);
    expect(visible).not.toContain('permis-international');
    expect(visible).toContain('locale-stationnement');
    const all = flow.catalog({ includeHidden: true });
    expect(all.demarches.find((d) => d.id === 'permis-international')?.hidden).toBe(true);
    expect(all.problems).toHaveLength(1);
    expect(flow.catalog({ query: 'stationnement' }).demarches.map((d) => d.id)).toEqual(['locale-stationnement']);
  });
});

describe('changing one’s mind', () => {
  it('removing a démarche started by mistake also removes its anonymous fact; abandonment is recorded', () => {
    const { flow, sessions } = station();
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const wrong = flow.start('permis-inscription');
    const right = flow.start('permis-renouvellement');
    flow.remove(wrong.key);
    flow.setOutcome(right.key, { kind: 'abandonnee' });
    expect(session.facts.demarches).toEqual([
      { demarcheId: 'permis-renouvellement', category: 'permis', outcome: 'abandonnee' },
    ]);
    expect(flow.records(session)[0]!.nextSteps).toContain('Vous pouvez revenir au point numérique pour la reprendre.');
  });

  it('an answer that does not exist is refused in French', () => {
    const { flow, sessions } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('permis-duplicata');
    expect(() => flow.answer(entry.key, 'cause', 'inventee')).toThrow(/Cette réponse n'existe pas/);
  });

  it('reopens a démarche already in progress instead of starting a blank copy, and starts anew once it has an outcome', () => {
    const { flow, sessions } = station();
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    const first = flow.start('permis-duplicata');
    flow.setNotes(first.key, 'Carte perdue');
    const again = flow.start('permis-duplicata');
    expect(again.key).toBe(first.key);
    expect(again.notes).toBe('Carte perdue');
    expect(flow.list()).toHaveLength(1);
    expect(session.facts.demarches).toHaveLength(1);

    flow.setOutcome(first.key, { kind: 'abandonnee' });
    const second = flow.start('permis-duplicata');
    expect(second.key).not.toBe(first.key);
    expect(session.facts.demarches).toHaveLength(2);
  });

  it('keeps the outcome typed but not saved as unsaved until it is saved', () => {
    const { flow, sessions } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    const entry = flow.start('permis-duplicata');
    expect(flow.setDraft(entry.key, { kind: 'deposee', numero: ' AB12CD34 ' }).unsaved).toEqual({
      kind: 'deposee',
      numero: 'AB12CD34',
    });
    expect(flow.records(sessions.require())[0]?.outcome).toBeNull();
    const saved = flow.setOutcome(entry.key, { kind: 'deposee', numero: 'AB12CD34' });
    expect(saved.unsaved).toBeNull();
    expect(flow.setDraft(entry.key, { kind: 'deposee', numero: 'AB12CD35' }).unsaved).toMatchObject({
      numero: 'AB12CD35',
    });
    expect(flow.setDraft(entry.key, null).unsaved).toBeNull();
  });
});
