import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';

/**
 * The only way from the usager's survey back to the mediator's screens: the session mediator's PIN, checked by
 * main/survey with a throttle of its own (3 wrong tries, then "Appelez le médiateur"). It never locks the
 * mediator's account: the person typing here is usually the usager.
 */
export function MediatorPinDialog({
  open,
  onClose,
  onConfirmed,
}: {
  open: boolean;
  onClose: () => void;
  onConfirmed: () => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api().survey.exit({ pin });
    setBusy(false);
    setPin('');
    if (result.ok) onConfirmed();
    else setError(result.error.message);
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="pin-mediateur-titre" maxWidth="xs" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="pin-mediateur-titre">Réservé au médiateur</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>Le médiateur saisit son code pour reprendre la main.</Typography>
          <TextField
            autoFocus
            fullWidth
            type="password"
            label="Code du médiateur"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12 } }}
          />
          {error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Annuler</Button>
          <Button type="submit" variant="contained" disabled={busy || pin.length === 0}>
            Valider
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
