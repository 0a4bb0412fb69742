import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  DEMARCHE_CATEGORIES,
  type Demarche,
  type FlowEntry,
  type OrientationCode,
  type Outcome,
  type PieceStatus,
  type Result,
  type ScanImport,
} from '../../../../preload/api';
import { api, call } from '../../api';
import { ScanPanel } from '../scan/ScanPanel';
import { OfficialSitePanel } from '../site/OfficialSitePanel';
import { useOfficialSite } from '../site/useOfficialSite';
import { DemarcheFacts } from './DemarcheFacts';
import { EligibilityQuestions } from './EligibilityQuestions';
import { errorMessage } from './labels';
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
  const [demarche, setDemarche] = useState<Demarche | null>(null);
  const [entry, setEntry] = useState<FlowEntry | null>(null);
  const [orientations, setOrientations] = useState<Array<{ code: OrientationCode; label: string }>>([]);
  const [imports, setImports] = useState<ScanImport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const site = useOfficialSite();
  const key = params.get('k');

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const found = await call(api().flow.demarche({ id }));
        if (!live) return;
        setDemarche(found);
        document.title = `${found.title} – Point numérique`;
        setOrientations(await call(api().flow.orientations()));
        const entries = await call(api().flow.list());
        const current =
          entries.find((e) => e.key === key) ??
          [...entries].reverse().find((e) => e.demarcheId === id) ??
          (await call(api().flow.start({ demarcheId: id })));
        if (!live) return;
        setEntry(current);
        setError(null);
        if (current.key !== key) setParams({ k: current.key }, { replace: true });
      } catch (caught) {
        if (live) setError(errorMessage(caught, "La démarche n'a pas pu s'ouvrir."));
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the démarche or the entry changes
  }, [id, key]);

  const loadImports = useCallback(() => {
    void api()
      .scan.list()
      .then((result) => setImports(result.ok ? result.value.imports.filter((i) => i.demarcheId === id) : []));
  }, [id]);
  useEffect(() => {
    loadImports();
    return api().events.on('scan.changed', loadImports);
  }, [loadImports]);

  const act = useCallback(async (request: Promise<Result<FlowEntry>>) => {
    setError(null);
    try {
      setEntry(await call(request));
      return true;
    } catch (caught) {
      setError(errorMessage(caught, "L'action n'a pas abouti. Réessayez."));
      return false;
    }
  }, []);

  // A scan attached to a pièce marks it "scan importé"; a pièce whose scans were all removed is to check again.
  useEffect(() => {
    if (!entry || !demarche) return;
    for (const piece of demarche.pieces) {
      const attached = imports.filter((item) => item.pieceId === piece.id).map((item) => item.id);
      const status = entry.pieces[piece.id]?.status;
      const linked = entry.pieces[piece.id]?.scans ?? [];
      const update =
        attached.length > 0 && (status !== 'scan' || attached.join() !== linked.join())
          ? { status: 'scan' as const, scans: attached }
          : attached.length === 0 && status === 'scan'
            ? { status: 'a-verifier' as const }
            : null;
      if (update) {
        void api()
          .flow.setPiece({ key: entry.key, pieceId: piece.id, ...update })
          .then((result) => result.ok && setEntry(result.value));
      }
    }
  }, [imports, entry, demarche]);

  const index = entry?.stepIndex ?? 0;
  const steps = demarche?.steps ?? [];
  const goTo = (next: number) => {
    if (!entry || next < 0 || next >= steps.length) return;
    void act(api().flow.goToStep({ key: entry.key, index: next })).then(() => focusById('etape-courante'));
  };
  const markDone = (stepId: string) => {
    if (!entry) return;
    void act(api().flow.markStep({ key: entry.key, stepId, done: true })).then(() => focusById('etape-courante'));
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

  if (error && !entry) {
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

  const switchTo = async (demarcheId: string) => {
    await call(api().flow.remove({ key: entry.key })).catch(() => undefined);
    try {
      const next = await call(api().flow.start({ demarcheId }));
      navigate(`/demarches/${demarcheId}?k=${next.key}`);
    } catch (caught) {
      setError(errorMessage(caught, "La démarche n'a pas pu commencer."));
    }
  };
  const orient = () => {
    if (entry.route.kind !== 'orientation') return;
    void act(
      api().flow.setOutcome({
        key: entry.key,
        outcome: { kind: 'orientee', orientation: entry.route.orientation, why: entry.route.why },
      }),
    );
  };
  const setPiece = (pieceId: string, status: PieceStatus, scans?: string[]) => {
    setEntry({ ...entry, pieces: { ...entry.pieces, [pieceId]: { status, scans: scans ?? [] } } });
    void act(api().flow.setPiece({ key: entry.key, pieceId, status, ...(scans ? { scans } : {}) }));
  };
  const saveOutcome = (outcome: Outcome) => act(api().flow.setOutcome({ key: entry.key, outcome }));
  const blocked =
    entry.route.kind === 'demarche' || entry.route.kind === 'orientation' || entry.route.kind === 'pending';

  return (
    <Stack spacing={3}>
      <Box>
        <Chip label={DEMARCHE_CATEGORIES[demarche.category]} sx={{ mb: 1 }} />
        <Typography variant="h1">{demarche.title}</Typography>
        <Typography sx={{ mt: 1, fontWeight: 700 }}>Pour qui : {demarche.forWhom}</Typography>
        <Box component="ul" sx={{ mt: 1 }}>
          {demarche.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </Box>
      </Box>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
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
              void act(api().flow.answer({ key: entry.key, questionId, answerId }));
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
            onSave={(notes) => void act(api().flow.setNotes({ key: entry.key, notes }))}
          />
          <OutcomeForm
            key={`${entry.key}-${entry.outcome?.kind ?? ''}`}
            demarche={demarche}
            entry={entry}
            orientations={orientations}
            onSave={saveOutcome}
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
