import { Alert, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import type { FormatKind } from '../../../../preload/api';
import { api } from '../../api';
import { useQuery } from '../../app/data';

export const FORMAT_LABELS: Record<FormatKind, { label: string; help: string }> = {
  plaque: { label: "Numéro d'immatriculation (plaque)", help: 'Exemple : AB-123-CD, ou ancien format 1234 AB 56.' },
  ephoto: { label: 'Code e-photo', help: 'Le code a souvent 22 caractères. Il est imprimé sur la planche photo.' },
  'code-cession': { label: 'Code de cession', help: 'Le code donné par le vendeur.' },
  'pre-demande': {
    label: 'Numéro de pré-demande',
    help: '10 chiffres et lettres, affichés à la fin de la pré-demande.',
  },
  numero: { label: 'Numéro de demande', help: 'Le numéro affiché à la fin de la démarche.' },
};

/** Checks a value before the usager types it on the official site (nothing is kept after the session). */
export function FormatChecker({ kind, demarcheId }: { kind: FormatKind; demarcheId: string }) {
  const [value, setValue] = useState('');
  // Checked as it is typed; only the latest reply is shown, and nothing when the check could not be made.
  const checked = useQuery(
    `format:${kind}:${demarcheId}:${value}`,
    () => api().flow.checkFormat({ kind, value, demarcheId }),
    { enabled: value.trim() !== '' },
  );
  const check = checked.error ? null : (checked.data ?? null);
  const id = useId();

  return (
    <Stack spacing={1} data-testid={`format-${kind}`}>
      <TextField
        id={id}
        label={`Vérifier : ${FORMAT_LABELS[kind].label}`}
        helperText={FORMAT_LABELS[kind].help}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <div role="status" aria-live="polite">
        {check && value.trim() && (
          <Alert severity={check.ok && !check.warning ? 'success' : 'warning'}>
            {check.message}
            {check.ok && check.normalized && (
              <>
                {' '}
                À taper : <strong data-testid="format-normalized">{check.normalized}</strong>
              </>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
