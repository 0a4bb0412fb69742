import { Alert, Button, Stack, Typography } from '@mui/material';
import { api, type CounterError } from '../../api';
import { useAction } from '../../app/data';
import type { Target } from './file-source';
import type { ScanImportResult, ScanList } from './types';

interface Props {
  waiting: ScanList['waiting'];
  target: Target;
  /** A waiting file was imported (or still refused: its reason is already written in this list). */
  onImported(outcome: ScanImportResult, stillRefused: boolean): void;
  onError(text: string): void;
}

/** The files left in the scan folder (arrived outside an accompaniment, or refused): import them here, or delete. */
export function WaitingFiles({ waiting, target, onImported, onError }: Props) {
  const fail = (error: CounterError) => onError(error.message);
  const importing = useAction((id: string) => api().scan.waitingImport({ id, ...target }), {
    // The reason of a refusal is already in this list: it is not repeated above.
    onSuccess: (outcome) => onImported({ ...outcome, refused: [] }, outcome.refused.length > 0),
    onError: fail,
  });
  const deleting = useAction((id: string) => api().scan.waitingDelete({ id }), { onError: fail });
  const busy = importing.busy || deleting.busy;

  if (waiting.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-labelledby="scan-waiting-title">
      <Typography id="scan-waiting-title" variant="h3" sx={{ fontSize: '1.3rem' }}>
        Fichiers en attente dans le dossier de numérisation
      </Typography>
      {waiting.map((file) => (
        <Alert
          key={file.id}
          severity={file.why === 'refused' ? 'error' : 'warning'}
          action={
            <Stack direction="row" spacing={1}>
              <Button color="inherit" disabled={busy} onClick={() => void importing.run(file.id)}>
                {file.why === 'refused' ? 'Réessayer' : 'Importer pour cet usager'}
              </Button>
              <Button color="inherit" disabled={busy} onClick={() => void deleting.run(file.id)}>
                Supprimer du dossier
              </Button>
            </Stack>
          }
        >
          {file.message}
        </Alert>
      ))}
    </Stack>
  );
}
