import { Box, Button, Stack, Typography } from '@mui/material';
import type { Ref } from 'react';
import {
  SATISFACTION_LEVELS,
  type RecommendAnswer,
  type SatisfactionLevel,
  type SurveyAnswer,
  type SurveyProgress,
  type SurveyQuestion,
} from '../../../../preload/api';
import { ChoiceCards } from './ChoiceCards';
import { CHOICE_WORDS, QUESTIONS, RECOMMEND_QUESTION } from './labels';
import { answerOf } from './steps';

const LEVEL_CHOICES = SATISFACTION_LEVELS.map((value) => ({ value, words: CHOICE_WORDS[value] }));
const RECOMMEND_CHOICES: Array<{ value: RecommendAnswer; words: string }> = [
  { value: 'oui', words: 'Oui' },
  { value: 'non', words: 'Non' },
  { value: 'ne_sait_pas', words: 'Je ne sais pas' },
];
const SMALL = { minHeight: 48, fontSize: '1.125rem' };

/**
 * One question: a press on an answer stores it (in main) and moves on; "Retour" goes back to change an answer;
 * "Passer cette question" is a secondary button, never the big one, so it is not pressed instead of an answer.
 */
export function QuestionStep({
  question,
  progress,
  heading,
  busy,
  onAnswer,
  onNext,
  onBack,
}: {
  question: SurveyQuestion;
  progress: SurveyProgress;
  heading: Ref<HTMLHeadingElement>;
  busy: boolean;
  onAnswer: (answer: SurveyAnswer) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const given = answerOf(question, progress);
  const text = question === 'recommend' ? RECOMMEND_QUESTION : QUESTIONS[question];
  return (
    <Stack spacing={2}>
      <Box>
        <Typography id="enquete-question" ref={heading} tabIndex={-1} variant="h2" sx={{ fontSize: '1.875rem' }}>
          {text.question}
        </Typography>
        {text.hint && (
          <Typography id="enquete-aide" sx={{ fontSize: '1.25rem', mt: 0.5 }}>
            {text.hint}
          </Typography>
        )}
      </Box>
      {question === 'recommend' ? (
        <ChoiceCards<RecommendAnswer>
          labelledBy="enquete-question"
          choices={RECOMMEND_CHOICES}
          value={given as RecommendAnswer | null}
          disabled={busy}
          onChoose={(answer) => onAnswer({ question, answer })}
        />
      ) : (
        <ChoiceCards<SatisfactionLevel>
          labelledBy="enquete-question"
          describedBy={text.hint ? 'enquete-aide' : undefined}
          choices={LEVEL_CHOICES}
          value={given as SatisfactionLevel | null}
          disabled={busy}
          onChoose={(answer) => onAnswer({ question, answer })}
        />
      )}
      <Stack direction="row" sx={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" sx={SMALL} disabled={busy} onClick={onBack}>
          Retour
        </Button>
        {given === null ? (
          <Button variant="text" sx={SMALL} disabled={busy} onClick={() => onAnswer({ question, answer: null })}>
            Passer cette question
          </Button>
        ) : (
          // Came back with "Retour": the answer stays as it is unless another one is pressed.
          <Button variant="text" sx={SMALL} disabled={busy} onClick={onNext}>
            Garder ma réponse
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
