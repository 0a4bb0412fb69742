import { Alert, Stack, TextField } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import type { FormatCheck, FormatKind } from '../../../../preload/api';
import { api, call } from '../../api';

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
  const [check, setCheck] = useState<FormatCheck | null>(null);
  const id = useId();

  useEffect(() => {
    if (!value.trim()) return;
    let live = true;
    void call(api().flow.checkFormat({ kind, value, demarcheId })).then(
      (result) => live && setCheck(result),
      () => live && setCheck(null),
    );
    return () => {
      live = false;
    };
  }, [kind, value, demarcheId]);

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
