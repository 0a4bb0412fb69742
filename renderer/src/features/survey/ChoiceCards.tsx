import {
  HelpOutline,
  SentimentDissatisfied,
  SentimentSatisfiedAlt,
  SentimentVeryDissatisfied,
  SentimentVerySatisfied,
  ThumbDownAltOutlined,
  ThumbUpAltOutlined,
} from '@mui/icons-material';
import { FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';

const ICON_SX = { fontSize: 44 };
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

/** A radiogroup of large cards (pictogram + words), keyboard-operable with the arrow keys like any radiogroup. */
export function ChoiceCards<T extends string>({
  labelledBy,
  describedBy,
  choices,
  value,
  onChange,
}: {
  labelledBy: string;
  describedBy?: string;
  choices: ReadonlyArray<{ value: T; words: string }>;
  value: T | null;
  onChange: (value: T) => void;
}) {
  return (
    <RadioGroup
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value as T)}
      sx={{ gap: 1.5 }}
    >
      {choices.map((choice) => (
        <FormControlLabel
          key={choice.value}
          value={choice.value}
          control={<Radio sx={{ '& .MuiSvgIcon-root': { fontSize: 32 } }} />}
          label={
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              {PICTOGRAMS[choice.value]}
              <Typography component="span" sx={{ fontSize: '1.5rem', fontWeight: 500 }}>
                {choice.words}
              </Typography>
            </Stack>
          }
          sx={{
            m: 0,
            px: 2,
            py: 1,
            minHeight: 76,
            border: '2px solid #929292',
            borderRadius: 2,
            bgcolor: '#fff',
            '&:hover': { bgcolor: '#f5f5fe' },
            '&:has(input:checked)': { borderColor: 'primary.main', bgcolor: '#e3e3fd' },
            '&:has(input:focus-visible)': { outline: '3px solid #0a76f6', outlineOffset: 2 },
          }}
        />
      ))}
    </RadioGroup>
  );
}
