import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAction } from './data';

/**
 * A kiosk counter closes only with a PIN (main/app/close-guard.ts): main holds the close and sends
 * app.closeRequested; the mediator or the référent gives their code here, main checks it and closes (with the wipe).
 */
export function CloseRequestDialog() {
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState<'mediator' | 'referent'>('mediator');
  const [pin, setPin] = useState('');
  const confirm = useAction((input: { pin: string; who: 'mediator' | 'referent' }) => api().app.confirmClose(input));

  const { clear } = confirm;
  useEffect(
    () =>
      api().events.on('app.closeRequested', () => {
        clear();
        setPin('');
        setOpen(true);
      }),
    [clear],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await confirm.run({ pin, who });
    setPin('');
  };

  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="fermer-titre" maxWidth="xs" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="fermer-titre">Fermer Point numérique ?</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            Ce poste est verrouillé. Pour le fermer, le médiateur ou le référent saisit son code. Un accompagnement en
            cours sera terminé et effacé.
          </Typography>
          <RadioGroup
            row
            aria-label="Qui ferme le poste"
            value={who}
            onChange={(event) => setWho(event.target.value === 'referent' ? 'referent' : 'mediator')}
          >
            <FormControlLabel value="mediator" control={<Radio />} label="Médiateur" />
            <FormControlLabel value="referent" control={<Radio />} label="Référent" />
          </RadioGroup>
          <TextField
            autoFocus
            fullWidth
            type="password"
            label={who === 'mediator' ? 'Code du médiateur' : 'Code du référent'}
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 64 } }}
            sx={{ mt: 1 }}
          />
          {confirm.error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {confirm.error.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Ne pas fermer</Button>
          <Button type="submit" variant="contained" disabled={confirm.busy || pin.length === 0}>
            Fermer le poste
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
