import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useAction } from '../../app/data';

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
  const exit = useAction(
    async () => {
      const reply = await api().survey.exit({ pin });
      setPin('');
      return reply;
    },
    { onSuccess: onConfirmed },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void exit.run();
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="pin-mediateur-titre" maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
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
          {exit.error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {exit.error.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Annuler</Button>
          <Button type="submit" variant="contained" disabled={exit.busy || pin.length === 0}>
            Valider
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
