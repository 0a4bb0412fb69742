import {
  Alert,
  AlertTitle,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import type { Demarche, FlowEntry } from '../../../../preload/api';

/**
 * The eligibility questions, one after the other, and where the answers lead: this démarche, another one of the
 * catalog, or an orientation ("à faire ailleurs": where and why).
 */
export function EligibilityQuestions({
  demarche,
  entry,
  onAnswer,
  onSwitch,
  onOrient,
}: {
  demarche: Demarche;
  entry: FlowEntry;
  onAnswer(questionId: string, answerId: string): void;
  onSwitch(demarcheId: string): void;
  onOrient(): void;
}) {
  if (demarche.questions.length === 0) return null;
  const route = entry.route;
  const stopAt =
    route.kind === 'pending'
      ? demarche.questions.findIndex((q) => q.id === route.questionId)
      : route.kind === 'eligible'
        ? demarche.questions.length - 1
        : lastAnswered(demarche, entry);
  const shown = demarche.questions.slice(0, stopAt + 1);

  return (
    <Box component="section" aria-labelledby="questions-titre" id="questions" tabIndex={-1}>
      <Typography id="questions-titre" variant="h2" sx={{ mb: 2 }}>
        Cette démarche est-elle la bonne ?
      </Typography>
      <Stack spacing={2}>
        {shown.map((question) => (
          <FormControl key={question.id} component="fieldset">
            <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary' }}>
              {question.text}
            </FormLabel>
            {question.help && <Typography variant="body2">{question.help}</Typography>}
            <RadioGroup
              name={`question-${question.id}`}
              value={entry.answers[question.id] ?? ''}
              onChange={(event) => onAnswer(question.id, event.target.value)}
            >
              {question.answers.map((answer) => (
                <FormControlLabel key={answer.id} value={answer.id} control={<Radio />} label={answer.label} />
              ))}
            </RadioGroup>
          </FormControl>
        ))}
        <div role="status" aria-live="polite" data-testid="route">
          {route.kind === 'eligible' && (
            <Alert severity="success">Vous pouvez faire cette démarche ici. Suivez les étapes.</Alert>
          )}
          {route.kind === 'demarche' && (
            <Alert severity="info">
              <AlertTitle>Une autre démarche convient mieux : {route.title}</AlertTitle>
              <Typography sx={{ mb: 1 }}>{route.why}</Typography>
              <Button variant="contained" onClick={() => onSwitch(route.demarcheId)}>
                Passer à cette démarche
              </Button>
            </Alert>
          )}
          {route.kind === 'orientation' && (
            <Alert severity="warning" data-testid="orientation">
              <AlertTitle>À faire ailleurs : {route.to}</AlertTitle>
              <Typography sx={{ mb: 1 }}>Pourquoi : {route.why}</Typography>
              <Button variant="contained" onClick={onOrient} disabled={entry.outcome?.kind === 'orientee'}>
                {entry.outcome?.kind === 'orientee' ? 'Orientation notée' : "Noter l'orientation"}
              </Button>
            </Alert>
          )}
        </div>
      </Stack>
    </Box>
  );
}

function lastAnswered(demarche: Demarche, entry: FlowEntry): number {
  let last = 0;
  demarche.questions.forEach((question, index) => {
    if (entry.answers[question.id]) last = index;
  });
  // The stopping answer is the first one that does not lead on.
  const stop = demarche.questions.findIndex((question) => {
    const answer = question.answers.find((a) => a.id === entry.answers[question.id]);
    return answer && answer.leadsTo.kind !== 'continue';
  });
  return stop >= 0 ? stop : last;
}
