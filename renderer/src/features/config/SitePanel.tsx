import { Box, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useConfig } from './ConfigContext';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

/** Site officiel: extra hosts the official-site panel may open (one per line). */
export function SitePanel() {
  const { config, save } = useConfig();
  const [hosts, setHosts] = useState(config.site.extraHosts.join('\n'));
  const saver = useSaver();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extraHosts = hosts
      .split(/\s+/)
      .map((host) => host.trim())
      .filter(Boolean);
    void saver.run(() => save({ site: { extraHosts } }));
  };

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Site officiel : adresses autorisées en plus</Typography>
        <Typography variant="body2">
          Le site officiel (ANTS, FranceConnect) est déjà autorisé. Ajoutez ici d'autres adresses, une par ligne, par
          exemple celle d'un fournisseur d'identité : auth.exemple.fr ou *.exemple.fr.
        </Typography>
        <TextField
          label="Adresses autorisées en plus (une par ligne)"
          multiline
          minRows={4}
          value={hosts}
          onChange={(e) => setHosts(e.target.value)}
        />
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}
