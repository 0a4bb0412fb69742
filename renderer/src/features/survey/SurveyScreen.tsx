import { Alert, Box, Button, CircularProgress, Dialog, LinearProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  SATISFACTION_LEVELS,
  SURVEY_ITEMS,
  type RecommendAnswer,
  type SatisfactionLevel,
  type SurveyAnswers,
  type SurveyItem,
} from '../../../../preload/api';
import { api } from '../../api';
import { ChoiceCards } from './ChoiceCards';
import { endAccompaniment } from './end-session';
import { CHOICE_WORDS, QUESTIONS } from './labels';
import { MediatorPinDialog } from './MediatorPinDialog';
import { lockSurvey, unlockSurvey } from './survey-lock';

type Step = { kind: 'intro' } | { kind: 'item'; item: SurveyItem } | { kind: 'recommend' } | { kind: 'thanks' };

const LEVEL_CHOICES = SATISFACTION_LEVELS.map((value) => ({ value, words: CHOICE_WORDS[value] }));
const RECOMMEND_CHOICES: Array<{ value: RecommendAnswer; words: string }> = [
  { value: 'oui', words: 'Oui' },
  { value: 'non', words: 'Non' },
  { value: 'ne_sait_pas', words: 'Je ne sais pas' },
];

/**
 * '/enquete': the usager's satisfaction survey, one question per screen, every question skippable. It covers the
 * whole window (the mediator's navigation is out of reach) and only the mediator's PIN leads out of it.
 */
export function SurveyScreen() {
  const navigate = useNavigate();
  const [askRecommendation, setAskRecommendation] = useState<boolean | null>(null);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<SurveyAnswers>({ answers: {}, recommend: null });
  const [pinFor, setPinFor] = useState<'leave' | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    lockSurvey();
    void api()
      .survey.endOfSession()
      .then((result) => {
        if (result.ok) {
          setAskRecommendation(result.value.survey.enabled && result.value.survey.askRecommendation);
          if (!result.value.survey.enabled) setIndex(-1);
        } else {
          // No accompaniment any more (ended, idle timeout): nothing to protect, back to the home screen.
          unlockSurvey();
          navigate('/accueil', { replace: true });
        }
      });
    return api().events.on('session.ended', () => unlockSurvey());
  }, [navigate]);

  const steps: Step[] = [
    { kind: 'intro' },
    ...SURVEY_ITEMS.map((item) => ({ kind: 'item' as const, item })),
    ...(askRecommendation ? [{ kind: 'recommend' as const }] : []),
    { kind: 'thanks' },
  ];
  const step = index < 0 ? ({ kind: 'thanks' } as Step) : steps[Math.min(index, steps.length - 1)]!;
  const questionCount = steps.length - 2;

  // Each new question takes the focus, so a screen reader reads it out and Tab goes on to its answers. A callback
  // ref (new for each step) because the dialog's portal mounts its content after this component's effects.
  const heading = useCallback(
    (node: HTMLHeadingElement | null) => {
      if (node && node.dataset.step !== String(index)) {
        node.dataset.step = String(index);
        node.focus();
      }
    },
    [index],
  );

  const save = useCallback(async (next: SurveyAnswers) => {
    setAnswers(next);
    const result = await api().survey.saveAnswers(next);
    if (!result.ok) setError(result.error.message);
  }, []);

  const go = (to: number) => setIndex(Math.max(0, Math.min(to, steps.length - 1)));

  const finish = async () => {
    setLeaving(true);
    try {
      await endAccompaniment();
      navigate('/accueil', { replace: true });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "L'accompagnement n'a pas pu se terminer.");
      setLeaving(false);
    }
  };

  if (askRecommendation === null) {
    // Covers the window at once, so the mediator's navigation is never within reach, even while loading.
    return (
      <Dialog fullScreen open aria-label="Votre avis" disableEscapeKeyDown>
        <CircularProgress aria-label="Chargement" sx={{ m: 'auto' }} />
      </Dialog>
    );
  }

  return (
    <Dialog
      fullScreen
      open
      aria-labelledby="enquete-question"
      data-testid="survey"
      disableEscapeKeyDown
      disableAutoFocus
    >
      <Box sx={{ maxWidth: 760, width: '100%', mx: 'auto', p: { xs: 2, md: 4 } }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
          <Typography variant="h1" sx={{ fontSize: '1.75rem' }}>
            Votre avis
          </Typography>
          <Button variant="text" onClick={() => setPinFor('leave')}>
            Réservé au médiateur
          </Button>
        </Stack>

        {step.kind === 'item' || step.kind === 'recommend' ? (
          <Box sx={{ mb: 3 }}>
            <Typography sx={{ fontSize: '1.125rem' }}>
              Question {index} sur {questionCount}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={(index / questionCount) * 100}
              aria-hidden
              sx={{ height: 8, borderRadius: 4 }}
            />
          </Box>
        ) : null}

        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}

        {unlocked && (
          <Alert severity="info" sx={{ mb: 3 }} data-testid="survey-unlocked">
            <Typography sx={{ mb: 2 }}>
              Le médiateur a repris la main. Les réponses déjà données sont gardées.
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Button variant="contained" disabled={leaving} onClick={() => void finish()}>
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

        {step.kind === 'intro' && (
          <Stack spacing={3}>
            <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
              Pouvez-vous nous donner votre avis ?
            </Typography>
            <Typography sx={{ fontSize: '1.375rem' }}>
              Il y a {questionCount} questions courtes. Vos réponses sont anonymes : personne ne saura ce que vous avez
              répondu. Vous pouvez passer une question.
            </Typography>
            <Stack spacing={2}>
              <Button
                variant="contained"
                size="large"
                sx={{ minHeight: 64, fontSize: '1.375rem' }}
                onClick={() => go(1)}
              >
                Commencer
              </Button>
              <Button
                variant="outlined"
                size="large"
                sx={{ minHeight: 64, fontSize: '1.375rem' }}
                onClick={() => go(steps.length - 1)}
              >
                Je ne veux pas répondre
              </Button>
            </Stack>
          </Stack>
        )}

        {step.kind === 'item' && (
          <Stack spacing={3} key={step.item}>
            <Box>
              <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
                {QUESTIONS[step.item].question}
              </Typography>
              <Typography id="enquete-aide" sx={{ fontSize: '1.25rem', mt: 1 }}>
                {QUESTIONS[step.item].hint}
              </Typography>
            </Box>
            <ChoiceCards<SatisfactionLevel>
              labelledBy="enquete-question"
              describedBy="enquete-aide"
              choices={LEVEL_CHOICES}
              value={answers.answers[step.item] ?? null}
              onChange={(level) => void save({ ...answers, answers: { ...answers.answers, [step.item]: level } })}
            />
            <StepButtons
              answered={answers.answers[step.item] !== undefined}
              onBack={() => go(index - 1)}
              onNext={() => go(index + 1)}
            />
          </Stack>
        )}

        {step.kind === 'recommend' && (
          <Stack spacing={3}>
            <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
              Conseilleriez-vous ce point numérique à une autre personne ?
            </Typography>
            <ChoiceCards<RecommendAnswer>
              labelledBy="enquete-question"
              choices={RECOMMEND_CHOICES}
              value={answers.recommend}
              onChange={(recommend) => void save({ ...answers, recommend })}
            />
            <StepButtons
              answered={answers.recommend !== null}
              onBack={() => go(index - 1)}
              onNext={() => go(index + 1)}
            />
          </Stack>
        )}

        {step.kind === 'thanks' && (
          <Stack spacing={3}>
            <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '2rem' }}>
              Merci !
            </Typography>
            <Typography sx={{ fontSize: '1.375rem' }}>
              C'est fini. Vous pouvez rendre l'écran à la personne qui vous a aidé.
            </Typography>
            <Button
              variant="contained"
              size="large"
              sx={{ minHeight: 64, fontSize: '1.25rem' }}
              disabled={leaving}
              onClick={() => setPinFor('leave')}
            >
              Le médiateur reprend la main
            </Button>
          </Stack>
        )}
      </Box>

      <MediatorPinDialog
        open={pinFor !== null}
        onClose={() => setPinFor(null)}
        onConfirmed={() => {
          setPinFor(null);
          if (step.kind === 'thanks') void finish();
          else setUnlocked(true);
        }}
      />
    </Dialog>
  );
}

function StepButtons({ answered, onBack, onNext }: { answered: boolean; onBack: () => void; onNext: () => void }) {
  return (
    <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between' }}>
      <Button variant="outlined" size="large" sx={{ minHeight: 56, fontSize: '1.25rem' }} onClick={onBack}>
        Retour
      </Button>
      <Button variant="contained" size="large" sx={{ minHeight: 56, fontSize: '1.25rem' }} onClick={onNext}>
        {answered ? 'Suivant' : 'Passer cette question'}
      </Button>
    </Stack>
  );
}
