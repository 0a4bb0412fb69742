import { Box, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { CONFIG_RANGES } from '../../../../preload/api';
import { useConfig } from './ConfigContext';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

const idle = CONFIG_RANGES.idleMinutes;
const referentIdle = CONFIG_RANGES.referentIdleMinutes;
const retention = CONFIG_RANGES.retentionMonths;

/** Délais et enquête: idle timeout, satisfaction survey on/off, how long anonymous figures are kept. */
export function DelaysPanel() {
  const { config, save } = useConfig();
  const [idleMinutes, setIdleMinutes] = useState(String(config.session.idleMinutes));
  const [referentMinutes, setReferentMinutes] = useState(String(config.session.referentIdleMinutes));
  const [survey, setSurvey] = useState(config.survey.enabled);
  const [months, setMonths] = useState(String(config.retention.months));
  const saver = useSaver();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(() =>
      save({
        session: { idleMinutes: Number(idleMinutes), referentIdleMinutes: Number(referentMinutes) },
        survey: { enabled: survey },
        retention: { months: Number(months) },
      }),
    );
  };

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Délais et enquête</Typography>
        <TextField
          label="Délai d'inactivité avant la fin automatique (minutes)"
          helperText={`Entre ${idle.min} et ${idle.max}. L'accompagnement s'arrête et tout est effacé après ce délai sans action.`}
          value={idleMinutes}
          onChange={(e) => setIdleMinutes(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <TextField
          label="Fermeture de l'espace référent sans action (minutes)"
          helperText={`Entre ${referentIdle.min} et ${referentIdle.max}. L'espace référent se ferme aussi quand on le quitte, quand un médiateur se connecte et quand un accompagnement commence.`}
          value={referentMinutes}
          onChange={(e) => setReferentMinutes(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <FormControlLabel
          control={<Checkbox checked={survey} onChange={(e) => setSurvey(e.target.checked)} />}
          label="Proposer le questionnaire de satisfaction à la fin de l'accompagnement"
        />
        <TextField
          label="Durée de conservation des statistiques anonymes (mois)"
          helperText={`Entre ${retention.min} et ${retention.max}. Au-delà, les lignes anonymes sont supprimées.`}
          value={months}
          onChange={(e) => setMonths(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}
