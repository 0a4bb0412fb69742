import { Alert, Box, Button, CircularProgress, Dialog, LinearProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Result, SurveyAnswer, SurveyProgress } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { endAccompaniment } from './end-session';
import { MediatorPinDialog } from './MediatorPinDialog';
import { QuestionStep } from './QuestionStep';
import { resumeView, viewAfter, viewBefore, viewKey, type SurveyView } from './steps';
import { lockSurvey, unlockSurvey } from './survey-lock';

const BIG = { minHeight: 60, fontSize: '1.375rem' };

/**
 * '/enquete': the usager's satisfaction survey, one question per screen. Where it stands lives in main
 * (survey.progress): a reload resumes at the next unanswered question and every answer already given is kept. It
 * covers the whole window (the mediator's navigation is out of reach) and only the mediator's PIN leads out of it.
 */
export function SurveyScreen() {
  const navigate = useNavigate();
  const loaded = useQuery('survey-progress', () => api().survey.progress());
  const progress = loaded.data ?? null;
  // null until the usager moves: the screen main's progress resumes at.
  const [moved, setView] = useState<SurveyView | null>(null);
  const view: SurveyView = moved ?? (progress ? resumeView(progress) : { kind: 'intro' });
  const [pinOpen, setPinOpen] = useState(false);
  const [unlocked, setUnlocked] = useState(false);

  useEffect(() => {
    lockSurvey();
    return api().events.on('session.ended', () => unlockSurvey());
  }, []);
  useEffect(() => {
    if (!loaded.error) return;
    // No accompaniment any more (ended, idle timeout): nothing to protect, back to the home screen.
    unlockSurvey();
    navigate('/accueil', { replace: true });
  }, [loaded.error, navigate]);

  /** Calls main, then shows the screen `then` picks from main's answer; on refusal, stays and says why. */
  const step = useAction(
    async (request: () => Promise<Result<SurveyProgress>>, then: (p: SurveyProgress) => SurveyView) => {
      const result = await request();
      return result.ok ? { ok: true as const, value: { progress: result.value, view: then(result.value) } } : result;
    },
    {
      onSuccess: (next) => {
        loaded.setData(next.progress);
        setView(next.view);
      },
    },
  );
  const leave = useAction(() => endAccompaniment(), {
    onSuccess: () => navigate('/accueil', { replace: true }),
  });
  const busy = step.busy;
  const leaving = leave.busy;
  const error = step.error ?? leave.error;

  // Each new screen's heading takes the focus, so a screen reader reads it out and Tab goes on to its answers. A
  // callback ref (new for each screen) because the dialog's portal mounts its content after this component's effects.
  const key = viewKey(view);
  const heading = useCallback(
    (node: HTMLHeadingElement | null) => {
      if (node && node.dataset.step !== key) {
        node.dataset.step = key;
        node.focus();
      }
    },
    [key],
  );

  const answer = (given: SurveyAnswer) =>
    void step.run(
      () => api().survey.answer(given),
      (p) => viewAfter(view, p),
    );
  const finish = () => void leave.run();

  if (progress === null) {
    // Covers the window at once, so the mediator's navigation is never within reach, even while loading.
    return (
      <Dialog fullScreen open aria-label="Votre avis" disableEscapeKeyDown>
        <CircularProgress aria-label="Chargement" sx={{ m: 'auto' }} />
      </Dialog>
    );
  }

  const total = progress.questions.length;
  return (
    <Dialog
      fullScreen
      open
      aria-labelledby="enquete-question"
      data-testid="survey"
      disableEscapeKeyDown
      disableAutoFocus
    >
      <Box sx={{ maxWidth: 960, width: '100%', mx: 'auto', px: { xs: 2, md: 4 }, py: 2 }}>
        <Stack
          direction="row"
          sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}
        >
          <Typography variant="h1" sx={{ fontSize: '1.75rem' }}>
            Votre avis
          </Typography>
          {view.kind === 'question' && (
            <Typography sx={{ fontSize: '1.25rem' }}>
              Question {view.index + 1} sur {total}
            </Typography>
          )}
          <Button variant="text" onClick={() => setPinOpen(true)}>
            Réservé au médiateur
          </Button>
        </Stack>
        {view.kind === 'question' && (
          <LinearProgress
            variant="determinate"
            value={((view.index + 1) / total) * 100}
            aria-hidden
            sx={{ height: 8, borderRadius: 4, mb: 2 }}
          />
        )}

        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error.message}
          </Alert>
        )}

        {unlocked && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="survey-unlocked">
            <Typography sx={{ mb: 2 }}>
              Le médiateur a repris la main. Les réponses déjà données sont gardées.
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Button variant="contained" disabled={leaving} onClick={finish}>
                Terminer l'accompagnement
              </Button>
              <Button
                variant="outlined"
                onClick={() => {
                  unlockSurvey();
                  navigate('/fin', { replace: true });
                }}
              >
                Revenir au formulaire de fin
              </Button>
              <Button variant="text" onClick={() => setUnlocked(false)}>
                Rendre l'écran à l'usager
              </Button>
            </Stack>
          </Alert>
        )}

        {view.kind === 'intro' && (
          <Stack spacing={3}>
            <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
              Pouvez-vous nous donner votre avis ?
            </Typography>
            <Typography sx={{ fontSize: '1.375rem' }}>
              Il y a {total} questions courtes. Vos réponses sont anonymes. Personne ne saura ce que vous avez répondu.
              Vous pouvez passer une question.
            </Typography>
            <Stack spacing={2}>
              <Button
                variant="contained"
                size="large"
                sx={BIG}
                disabled={busy}
                onClick={() =>
                  void step.run(
                    () => api().survey.begin(),
                    (p) => resumeView(p),
                  )
                }
              >
                Commencer
              </Button>
              <Button
                variant="outlined"
                size="large"
                sx={BIG}
                disabled={busy}
                onClick={() =>
                  void step.run(
                    () => api().survey.decline(),
                    () => ({ kind: 'thanks' }),
                  )
                }
              >
                Je ne veux pas répondre
              </Button>
            </Stack>
          </Stack>
        )}

        {view.kind === 'question' && (
          <QuestionStep
            key={view.index}
            question={progress.questions[view.index]!}
            progress={progress}
            heading={heading}
            busy={busy}
            onAnswer={answer}
            onNext={() => setView(viewAfter(view, progress))}
            onBack={() => setView(viewBefore(view))}
          />
        )}

        {view.kind === 'thanks' && (
          <Stack spacing={3}>
            <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
              Merci !
            </Typography>
            <Typography sx={{ fontSize: '1.375rem' }}>
              C'est fini. Vous pouvez rendre l'écran à la personne qui vous a aidé.
            </Typography>
            <Button variant="contained" size="large" sx={BIG} disabled={leaving} onClick={() => setPinOpen(true)}>
              Le médiateur reprend la main
            </Button>
          </Stack>
        )}
      </Box>

      <MediatorPinDialog
        open={pinOpen}
        onClose={() => setPinOpen(false)}
        onConfirmed={() => {
          setPinOpen(false);
          if (view.kind === 'thanks') finish();
          else setUnlocked(true);
        }}
      />
    </Dialog>
  );
}
