import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useSession } from './SessionContext';

/** "Êtes-vous toujours là ?": the warning's seconds (at most a third of the idle timeout) before the accompaniment ends and is wiped. */
export function IdleWarningDialog() {
  const { idleWarning, dismissWarning } = useSession();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!idleWarning) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [idleWarning]);

  const secondsLeft = idleWarning
    ? Math.max(0, idleWarning.secondsLeft - Math.floor((now - idleWarning.since) / 1000))
    : 0;

  const stillHere = async () => {
    dismissWarning();
    await api().session.extend();
  };

  return (
    <Dialog
      open={Boolean(idleWarning)}
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
      slotProps={{ paper: { role: 'alertdialog', 'data-testid': 'idle-warning' } as object }}
      disableEscapeKeyDown
    >
      <DialogTitle id="idle-warning-title" component="h2">
        Êtes-vous toujours là ?
      </DialogTitle>
      <DialogContent>
        <DialogContentText id="idle-warning-text">
          Personne n'a utilisé le poste depuis un moment. Dans{' '}
          <strong data-testid="idle-seconds-left">{secondsLeft}</strong> secondes, l'accompagnement se termine et tout
          ce qui concerne l'usager est effacé.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ p: 3 }}>
        <Button
          variant="contained"
          size="large"
          autoFocus
          onClick={() => void stillHere()}
          sx={{ fontSize: '1.25rem', px: 4, py: 2 }}
        >
          L'usager est toujours là
        </Button>
      </DialogActions>
    </Dialog>
  );
}
