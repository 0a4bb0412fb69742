import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { CONFIG_RANGES } from '../../../../preload/api';
import { useAction } from '../../app/data';
import { api } from '../../api';
import { useConfig } from '../config/ConfigContext';
import { useReferentReply } from '../config/referent-call';
import { SaveBar } from '../config/SaveBar';
import { folderProblem } from './folder-path';
import { useSaver } from '../config/useSaver';

type Checks = Array<{ label: string; ok: boolean; message: string }>;

/** The upload limit in ko, as the form shows it (the schema counts bytes). */
const LIMIT_KO = {
  min: CONFIG_RANGES.maxUploadBytes.min / 1000,
  max: CONFIG_RANGES.maxUploadBytes.max / 1000,
};

/** 200000 → "200 000" (a plain space, as the help texts write it). */
function frenchNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Référent: the scanner's scan-to-folder target, polling for network shares, the upload size limit. */
export function ScanFolderPanel() {
  const { config, save } = useConfig();
  const current = config.scan;
  const [folder, setFolder] = useState(current.folder ?? '');
  const [usePolling, setUsePolling] = useState(current.usePolling);
  const [limitKo, setLimitKo] = useState(String(Math.round(current.maxUploadBytes / 1000)));
  const [quiet, setQuiet] = useState(String(current.quietSeconds));
  const [checks, setChecks] = useState<Checks | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const saver = useSaver();
  const referentReply = useReferentReply();
  const testing = useAction((target: string) => referentReply(api().scan.testFolder({ folder: target })), {
    onSuccess: (result) => setChecks(result.checks),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limit = Number(limitKo.replace(/\s/g, ''));
    const quietSeconds = Number(quiet.trim());
    void saver.run(async () => {
      const { min, max } = CONFIG_RANGES.quietSeconds;
      if (!Number.isInteger(quietSeconds) || quietSeconds < min || quietSeconds > max) {
        throw new Error(
          `L'attente avant de lire un fichier doit être un nombre entier de secondes entre ${min} et ${max}.`,
        );
      }
      if (!Number.isFinite(limit) || limit < LIMIT_KO.min || limit > LIMIT_KO.max) {
        throw new Error(
          `La taille limite doit être un nombre de ko entre ${frenchNumber(LIMIT_KO.min)} et ${frenchNumber(LIMIT_KO.max)}.`,
        );
      }
      await save({
        scan: { folder: folder.trim() || null, usePolling, maxUploadBytes: Math.round(limit * 1000), quietSeconds },
      });
    });
  };

  const test = () => {
    setChecks(null);
    testing.clear();
    const found = folderProblem(folder);
    setProblem(found);
    if (found === null) void testing.run(folder.trim());
  };
  const testRefusal = problem ?? testing.error?.message;

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2} sx={{ maxWidth: 720 }}>
        <Typography variant="h2">Scanner : dossier de numérisation</Typography>
        <Typography variant="body2">
          Réglez le scanner pour qu'il dépose ses fichiers (« scan vers dossier ») dans un dossier de ce poste ou un
          partage réseau, et indiquez ce dossier ici. Les documents y sont importés pendant un accompagnement, puis
          supprimés du dossier.
        </Typography>
        <TextField
          label="Dossier de numérisation"
          helperText="Par exemple C:\Scans ou \\serveur\scans ou /srv/scans. Laissez vide si le poste n'a pas de scanner."
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
        />
        <FormControlLabel
          control={<Switch checked={usePolling} onChange={(event) => setUsePolling(event.target.checked)} />}
          label="Vérifier le dossier régulièrement (à cocher pour un partage réseau)"
        />
        <TextField
          label="Attente avant de lire un fichier (secondes)"
          helperText="Un fichier est lu quand il n'a plus changé pendant ce temps et qu'il est complet. Augmentez-la si le scanner écrit lentement sur un partage réseau. 2 secondes suffisent en général."
          value={quiet}
          onChange={(event) => setQuiet(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <TextField
          label="Taille maximale d'un fichier envoyé (ko)"
          helperText="Les documents sont réduits pour tenir dans cette taille. 1 000 ko = 1 Mo. Une démarche peut avoir sa propre limite."
          value={limitKo}
          onChange={(event) => setLimitKo(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={test} disabled={testing.busy || folder.trim() === ''}>
            Tester le dossier
          </Button>
        </Stack>
        <div role="status" aria-live="polite">
          {testRefusal && <Alert severity="error">{testRefusal}</Alert>}
          {checks && (
            <Alert severity={checks.every((check) => check.ok) ? 'success' : 'error'}>
              {checks.every((check) => check.ok) ? 'Le dossier convient.' : 'Le dossier ne convient pas.'}
              <List dense>
                {checks.map((check) => (
                  <ListItem key={check.label}>
                    <ListItemText
                      primary={`${check.ok ? 'Réussi' : 'Échec'} : ${check.label}`}
                      secondary={check.message}
                    />
                  </ListItem>
                ))}
              </List>
            </Alert>
          )}
        </div>
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}
