import { Box, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useConfig } from './ConfigContext';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

/** Délais et enquête: idle timeout, satisfaction survey on/off, how long anonymous figures are kept. */
export function DelaysPanel() {
  const { config, save } = useConfig();
  const [idleMinutes, setIdleMinutes] = useState(String(config.session?.idleMinutes ?? 10));
  const [survey, setSurvey] = useState(Boolean(config.survey?.enabled ?? true));
  const [months, setMonths] = useState(String(config.retention?.months ?? 24));
  const saver = useSaver();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(async () => {
      await save('session', { idleMinutes: Number(idleMinutes) });
      await save('survey', { enabled: survey });
      await save('retention', { months: Number(months) });
    });
  };

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Délais et enquête</Typography>
        <TextField
          label="Délai d'inactivité avant la fin automatique (minutes)"
          helperText="Entre 1 et 120. L'accompagnement s'arrête et tout est effacé après ce délai sans action."
          value={idleMinutes}
          onChange={(e) => setIdleMinutes(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <FormControlLabel
          control={<Checkbox checked={survey} onChange={(e) => setSurvey(e.target.checked)} />}
          label="Proposer le questionnaire de satisfaction à la fin de l'accompagnement"
        />
        <TextField
          label="Durée de conservation des statistiques anonymes (mois)"
          helperText="Entre 1 et 120. Au-delà, les lignes anonymes sont supprimées."
          value={months}
          onChange={(e) => setMonths(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}
