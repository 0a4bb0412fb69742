import {
  CheckCircle,
  HelpOutline,
  SentimentDissatisfied,
  SentimentSatisfiedAlt,
  SentimentVeryDissatisfied,
  SentimentVerySatisfied,
  ThumbDownAltOutlined,
  ThumbUpAltOutlined,
} from '@mui/icons-material';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';

const ICON_SX = { fontSize: 40 };
/** Pictograms beside the words (the words are what a screen reader reads; the pictograms are hidden from it). */
export const PICTOGRAMS: Record<string, ReactElement> = {
  tres_satisfait: <SentimentVerySatisfied aria-hidden sx={{ ...ICON_SX, color: '#18753c' }} />,
  satisfait: <SentimentSatisfiedAlt aria-hidden sx={{ ...ICON_SX, color: '#27a658' }} />,
  peu_satisfait: <SentimentDissatisfied aria-hidden sx={{ ...ICON_SX, color: '#b34000' }} />,
  pas_satisfait: <SentimentVeryDissatisfied aria-hidden sx={{ ...ICON_SX, color: '#ce0500' }} />,
  ne_sait_pas: <HelpOutline aria-hidden sx={{ ...ICON_SX, color: '#3a3a3a' }} />,
  oui: <ThumbUpAltOutlined aria-hidden sx={{ ...ICON_SX, color: '#18753c' }} />,
  non: <ThumbDownAltOutlined aria-hidden sx={{ ...ICON_SX, color: '#ce0500' }} />,
};

/**
 * The answers as large buttons (pictogram + words): one press chooses and moves on, so an elderly usager never has
 * to find a second "Suivant" button. Buttons rather than radios, because a radiogroup changes its value with the
 * arrow keys and would move on at the first arrow press. The answer already given is marked (aria-pressed).
 */
export function ChoiceCards<T extends string>({
  labelledBy,
  describedBy,
  choices,
  value,
  disabled,
  onChoose,
}: {
  labelledBy: string;
  describedBy?: string;
  choices: ReadonlyArray<{ value: T; words: string }>;
  value: T | null;
  disabled?: boolean;
  onChoose: (value: T) => void;
}) {
  return (
    <Stack role="group" aria-labelledby={labelledBy} aria-describedby={describedBy} spacing={1}>
      {choices.map((choice) => {
        const chosen = choice.value === value;
        return (
          <Button
            key={choice.value}
            variant="outlined"
            aria-pressed={chosen}
            disabled={disabled}
            onClick={() => onChoose(choice.value)}
            sx={{
              justifyContent: 'flex-start',
              textTransform: 'none',
              minHeight: 60,
              px: 2,
              py: 0.5,
              border: '2px solid #929292',
              borderRadius: 2,
              bgcolor: chosen ? '#e3e3fd' : '#fff',
              borderColor: chosen ? 'primary.main' : '#929292',
              color: '#161616',
              '&:hover': { bgcolor: '#f5f5fe', border: '2px solid', borderColor: 'primary.main' },
              '&.Mui-focusVisible': { outline: '3px solid #0a76f6', outlineOffset: 2 },
              '&.Mui-disabled': { color: '#161616', border: '2px solid #929292' },
            }}
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', width: '100%' }}>
              {PICTOGRAMS[choice.value]}
              <Typography component="span" sx={{ fontSize: '1.375rem', fontWeight: 500, flexGrow: 1 }}>
                {choice.words}
              </Typography>
              {chosen && (
                <Box
                  component="span"
                  aria-hidden
                  sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'primary.main' }}
                >
                  <CheckCircle />
                  <Typography component="span" sx={{ fontSize: '1.125rem' }}>
                    Votre réponse
                  </Typography>
                </Box>
              )}
            </Stack>
          </Button>
        );
      })}
    </Stack>
  );
}
