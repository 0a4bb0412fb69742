import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  DEMARCHE_CATEGORIES,
  type FlowEntry,
  type Outcome,
  type PieceStatus,
  type Result,
  type ScanImport,
} from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { ScanPanel } from '../scan/ScanPanel';
import { OfficialSitePanel } from '../site/OfficialSitePanel';
import { useOfficialSite } from '../site/useOfficialSite';
import { DemarcheFacts } from './DemarcheFacts';
import { EligibilityQuestions } from './EligibilityQuestions';
import { NotesField } from './NotesField';
import { OutcomeForm } from './OutcomeForm';
import { PiecesChecklist } from './PiecesChecklist';
import { ShortcutList } from './ShortcutList';
import { StepsGuide } from './StepsGuide';
import { focusById, useShortcuts, type Shortcut } from './useShortcuts';

/**
 * '/demarches/:id': the guided démarche — eligibility, steps with progress, pièces checklist, notes, outcome — with
 * the official site beside it. `?k=` names the session's entry (the same démarche may be done twice).
 */
export function FlowScreen() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const site = useOfficialSite();
  const key = params.get('k');
  const found = useQuery(`demarche:${id}`, () => api().flow.demarche({ id }));
  const orientations = useQuery('orientations', () => api().flow.orientations());
  // The entry named by ?k=, else this démarche's latest entry, else a new one (main reopens one in progress).
  const current = useQuery(
    `entry:${id}:${key ?? ''}`,
    async (): Promise<Result<FlowEntry>> => {
      const entries = await api().flow.list();
      if (!entries.ok) return entries;
      const known =
        entries.value.find((e) => e.key === key) ?? [...entries.value].reverse().find((e) => e.demarcheId === id);
      return known ? { ok: true, value: known } : api().flow.start({ demarcheId: id });
    },
    // A scan attached or removed changes the pièces main reports.
    { refreshOn: ['scan.changed'] },
  );
  const scans = useQuery(`scans:${id}`, () => api().scan.list(), { refreshOn: ['scan.changed'] });
  const imports: ScanImport[] = (scans.data?.imports ?? []).filter((i) => i.demarcheId === id);
  const demarche = found.data?.id === id ? found.data : null;
  const entry = current.data?.demarcheId === id ? current.data : null;
  const setEntry = current.setData;
  const alert = useRef<HTMLDivElement>(null);
  const focusAlert = () => window.setTimeout(() => alert.current?.focus(), 0);
  // Pièces ticked and questions answered one after the other: each goes to main, the latest reply is shown.
  const act = useAction((request: Promise<Result<FlowEntry>>) => request, {
    onSuccess: setEntry,
    onError: focusAlert,
    overlap: 'latest',
  });
  const outcomeAction = useAction((request: Promise<Result<FlowEntry>>) => request, { onSuccess: setEntry });
  const switching = useAction((demarcheId: string) => api().flow.start({ demarcheId }), {
    onSuccess: (next) => navigate(`/demarches/${next.demarcheId}?k=${next.key}`),
    onError: focusAlert,
  });

  useEffect(() => {
    if (demarche) document.title = `${demarche.title} – Point numérique`;
  }, [demarche]);
  useEffect(() => {
    // The address names the entry shown, so a reload or "Back" comes back to it.
    if (entry && entry.key !== key) setParams({ k: entry.key }, { replace: true });
  }, [entry, key, setParams]);

  const error = (act.error ?? switching.error ?? found.error ?? current.error)?.message ?? null;

  const index = entry?.stepIndex ?? 0;
  const steps = demarche?.steps ?? [];
  const goTo = (next: number) => {
    if (!entry || next < 0 || next >= steps.length) return;
    void act.run(api().flow.goToStep({ key: entry.key, index: next })).then(() => focusById('etape-courante'));
  };
  const markDone = (stepId: string) => {
    if (!entry) return;
    void act.run(api().flow.markStep({ key: entry.key, stepId, done: true })).then(() => focusById('etape-courante'));
  };
  const shortcuts: Shortcut[] = [
    {
      code: 'KeyS',
      keys: 'Alt + S',
      label: 'Étape faite : suivante',
      run: () => steps[index] && markDone(steps[index]!.id),
    },
    { code: 'KeyP', keys: 'Alt + P', label: 'Étape précédente', run: () => goTo(index - 1) },
    {
      code: 'KeyO',
      keys: 'Alt + O',
      label: 'Ouvrir le site officiel',
      run: () => demarche && void site.open(demarche.startUrl),
    },
    { code: 'KeyQ', keys: 'Alt + Q', label: 'Aller aux questions', run: () => focusById('questions') },
    { code: 'KeyC', keys: 'Alt + C', label: 'Aller aux pièces', run: () => focusById('pieces') },
    { code: 'KeyN', keys: 'Alt + N', label: 'Aller aux notes', run: () => focusById('notes') },
    { code: 'KeyR', keys: 'Alt + R', label: 'Aller au résultat', run: () => focusById('resultat') },
    { code: 'KeyD', keys: 'Alt + D', label: 'Revenir à la liste des démarches', run: () => navigate('/demarches') },
  ];
  useShortcuts(shortcuts);

  if (error && (!entry || !demarche)) {
    return (
      <Stack spacing={3}>
        <Typography variant="h1">Démarche</Typography>
        <Alert severity="error" role="alert">
          {error}
        </Alert>
        <Box>
          <Button component={RouterLink} to="/demarches" variant="contained">
            Revenir à la liste des démarches
          </Button>
        </Box>
      </Stack>
    );
  }
  if (!demarche || !entry) return <CircularProgress aria-label="Chargement de la démarche" />;

  // The questions showed another démarche fits: this one was started by mistake, so it goes (with its fact).
  const switchTo = async (demarcheId: string) => {
    await api().flow.remove({ key: entry.key });
    await switching.run(demarcheId);
  };
  const orient = () => {
    if (entry.route.kind !== 'orientation') return;
    void outcomeAction.run(
      api().flow.setOutcome({
        key: entry.key,
        outcome: { kind: 'orientee', orientation: entry.route.orientation, why: entry.route.why },
      }),
    );
  };
  const setPiece = (pieceId: string, status: PieceStatus, scans?: string[]) => {
    setEntry({ ...entry, pieces: { ...entry.pieces, [pieceId]: { status, scans: scans ?? [] } } });
    void act.run(api().flow.setPiece({ key: entry.key, pieceId, status, ...(scans ? { scans } : {}) }));
  };
  const saveOutcome = async (outcome: Outcome) =>
    (await outcomeAction.run(api().flow.setOutcome({ key: entry.key, outcome }))) !== undefined;
  const saveDraft = (draft: Outcome | null) => {
    outcomeAction.clear();
    // Sent even when the screen is leaving: the draft must reach main (the Reçu screen reads it).
    void api()
      .flow.setDraft({ key: entry.key, draft })
      .then((result) => result.ok && setEntry(result.value));
  };
  const blocked =
    entry.route.kind === 'demarche' || entry.route.kind === 'orientation' || entry.route.kind === 'pending';

  return (
    <Stack spacing={3}>
      <Box>
        <Chip label={DEMARCHE_CATEGORIES[demarche.category]} sx={{ mb: 1 }} />
        {/* A local démarche may carry an official one's title: the mediator always sees which one this is. */}
        {demarche.local && (
          <Chip
            label="Démarche locale : ajoutée par le référent, pas une fiche officielle"
            variant="outlined"
            sx={{ mb: 1, ml: 1 }}
            data-testid="local-badge"
          />
        )}
        <Typography variant="h1">{demarche.title}</Typography>
        <Typography sx={{ mt: 1, fontWeight: 700 }}>Pour qui : {demarche.forWhom}</Typography>
        <Box component="ul" sx={{ mt: 1 }}>
          {demarche.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </Box>
      </Box>
      <div ref={alert} tabIndex={-1}>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </div>
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: { md: 'minmax(0, 5fr) minmax(0, 6fr)' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={4}>
          <EligibilityQuestions
            demarche={demarche}
            entry={entry}
            onAnswer={(questionId, answerId) => {
              // Shown at once; main's answer (with the route) follows.
              setEntry({ ...entry, answers: { ...entry.answers, [questionId]: answerId } });
              void act.run(api().flow.answer({ key: entry.key, questionId, answerId }));
            }}
            onSwitch={(demarcheId) => void switchTo(demarcheId)}
            onOrient={orient}
          />
          {blocked && demarche.questions.length > 0 ? (
            <Typography>Répondez aux questions pour voir les étapes.</Typography>
          ) : (
            <StepsGuide
              demarche={demarche}
              entry={entry}
              onGo={goTo}
              onDone={markDone}
              onOpenSite={(url) => void site.open(url)}
            />
          )}
          <PiecesChecklist demarche={demarche} entry={entry} imports={imports} onSet={setPiece} />
          <ScanPanel demarcheId={demarche.id} pieces={demarche.pieces.map((p) => ({ id: p.id, label: p.label }))} />
          <NotesField
            key={entry.key}
            value={entry.notes}
            onSave={(notes) => void api().flow.setNotes({ key: entry.key, notes })}
          />
          <OutcomeForm
            key={entry.key}
            demarche={demarche}
            entry={entry}
            orientations={orientations.data ?? []}
            onSave={saveOutcome}
            onDraft={saveDraft}
            error={outcomeAction.error?.message ?? null}
          />
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
            <Button component={RouterLink} to="/demarches" variant="outlined" size="large">
              Faire une autre démarche
            </Button>
          </Stack>
        </Stack>
        <Stack spacing={3} sx={{ position: { md: 'sticky' }, top: { md: 16 } }}>
          <OfficialSitePanel site={site} startUrl={demarche.startUrl} />
          <DemarcheFacts demarche={demarche} />
          <ShortcutList shortcuts={shortcuts} />
        </Stack>
      </Box>
    </Stack>
  );
}
