import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import type { FlowEntry, Outcome } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { OUTCOME_LABELS } from './labels';

function describe(outcome: Outcome): string {
  return outcome.kind === 'deposee' && outcome.numero
    ? `${OUTCOME_LABELS.deposee}, numéro ${outcome.numero}`
    : OUTCOME_LABELS[outcome.kind];
}

/**
 * On the Reçu screen: a result chosen (and a numéro typed) on a démarche but never saved. The receipt does not
 * show it; the mediator sees it here and saves it in one click, then the receipt is prepared again.
 */
export function UnsavedOutcomes({ onSaved }: { onSaved(): void }) {
  const entries = useQuery('unsaved-outcomes', () => api().flow.list());
  const unsaved = (entries.data ?? []).filter((entry): entry is FlowEntry & { unsaved: Outcome } => !!entry.unsaved);
  if (unsaved.length === 0) return null;
  return (
    <Stack spacing={2} data-testid="unsaved-outcomes">
      {unsaved.map((entry) => (
        <UnsavedOutcome
          key={entry.key}
          entry={entry}
          onSaved={() => {
            void entries.reload();
            onSaved();
          }}
        />
      ))}
    </Stack>
  );
}

function UnsavedOutcome({ entry, onSaved }: { entry: FlowEntry & { unsaved: Outcome }; onSaved(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const save = useAction(() => api().flow.setOutcome({ key: entry.key, outcome: entry.unsaved }), {
    onSuccess: onSaved,
    onError: () => box.current?.focus(),
  });
  return (
    <Alert severity="warning" ref={box} tabIndex={-1}>
      <Typography sx={{ fontWeight: 700 }}>{entry.title} : le résultat n'est pas enregistré.</Typography>
      <Typography>Choisi : {describe(entry.unsaved)}. Le reçu ne le montre pas encore.</Typography>
      {save.error && (
        <Typography role="alert" sx={{ mt: 1 }}>
          {save.error.message}
        </Typography>
      )}
      <Box sx={{ mt: 1 }}>
        <Button variant="contained" onClick={() => void save.run()} disabled={save.busy}>
          Enregistrer ce résultat
        </Button>
      </Box>
    </Alert>
  );
}
