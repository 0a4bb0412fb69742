import { Alert, Box, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { CONFIG_RANGES } from '../../../../preload/api';
import { useConfig } from './ConfigContext';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

const download = CONFIG_RANGES.maxDownloadMegabytes;

/** Site officiel: extra hosts the official-site panel may open (one per line), and the largest download. */
export function SitePanel() {
  const { config, save } = useConfig();
  const [hosts, setHosts] = useState(config.site.extraHosts.join('\n'));
  const [exceptions, setExceptions] = useState(config.site.exceptionHosts.join('\n'));
  const [megabytes, setMegabytes] = useState(String(config.site.maxDownloadMegabytes));
  const saver = useSaver();
  const lines = (text: string) =>
    text
      .split(/\s+/)
      .map((host) => host.trim())
      .filter(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(() =>
      save({
        site: {
          extraHosts: lines(hosts),
          exceptionHosts: lines(exceptions),
          maxDownloadMegabytes: Number(megabytes),
        },
      }),
    );
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
          helperText="Seulement des sites officiels : gouv.fr, service-public.fr, franceconnect.fr, ameli.fr, caf.fr…"
          multiline
          minRows={4}
          value={hosts}
          onChange={(e) => setHosts(e.target.value)}
        />
        <Typography variant="h2">Sites autorisés par exception</Typography>
        {/* Always shown, not an event: a note, not an alert a screen reader would announce on every visit. */}
        <Alert severity="warning" role="note">
          Ces sites ne sont pas des sites officiels de l'État. Ajoutez-en un seulement si une démarche en a besoin (par
          exemple la page de paiement d'un prestataire), et vérifiez son adresse lettre par lettre. Le médiateur voit
          qu'il s'agit d'une exception.
        </Alert>
        <TextField
          label="Sites autorisés par exception (une adresse par ligne)"
          multiline
          minRows={2}
          value={exceptions}
          onChange={(e) => setExceptions(e.target.value)}
        />
        <TextField
          label="Taille maximale d'un fichier téléchargé depuis le site (Mo)"
          helperText={`Entre ${download.min} et ${download.max}. Seuls les PDF et les images (JPEG, PNG) sont acceptés.`}
          value={megabytes}
          onChange={(e) => setMegabytes(e.target.value.replace(/\D/g, ''))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}
