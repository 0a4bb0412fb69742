import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { useAction } from '../../app/data';
import { useSession } from '../session/SessionContext';
import { showsMediatorControls } from './screens';

type Leaving = 'changer' | 'deconnexion';

/**
 * In the header of every mediator screen: who is signed in, "Changer de médiateur" and "Se déconnecter". With an
 * accompaniment running, both ask first: signing out ends it, with its wipe (main/access signOut).
 */
export function SignedInBar() {
  const { state, refresh } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<Leaving | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const signOut = useAction(() => api().access.signOut(), {
    onSuccess: async () => {
      setAsking(null);
      // With a session, main replaces the page after the wipe; without one, the sign-in screen comes now.
      await refresh().catch(() => undefined);
      navigate('/connexion');
    },
  });

  const mediator = state?.mediator;
  if (!mediator || !showsMediatorControls(pathname)) return null;
  const running = Boolean(state?.session);

  const leave = (how: Leaving, button: HTMLButtonElement) => {
    opener.current = button;
    if (running) setAsking(how);
    else void signOut.run();
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid="signed-in-bar">
      <Typography sx={{ fontWeight: 700 }} data-testid="signed-in-mediator">
        Médiateur : {mediator.pseudonym}
      </Typography>
      <Button variant="outlined" onClick={(event) => leave('changer', event.currentTarget)}>
        Changer de médiateur
      </Button>
      <Button variant="text" onClick={(event) => leave('deconnexion', event.currentTarget)}>
        Se déconnecter
      </Button>
      {signOut.error && (
        <Typography role="alert" color="error">
          {signOut.error.message}
        </Typography>
      )}
      <Dialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        aria-labelledby="sign-out-title"
        aria-describedby="sign-out-text"
        // Back to the button that opened it, never to the top of the page.
        slotProps={{ transition: { onExited: () => opener.current?.focus() } }}
      >
        <DialogTitle id="sign-out-title" component="h2">
          {asking === 'changer' ? 'Changer de médiateur ?' : 'Se déconnecter ?'}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="sign-out-text">
            Un accompagnement est en cours. Il va se terminer : les documents, les notes et le site officiel de l'usager
            seront effacés.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)} autoFocus>
            Annuler
          </Button>
          <Button variant="contained" color="error" disabled={signOut.busy} onClick={() => void signOut.run()}>
            Terminer l'accompagnement et {asking === 'changer' ? 'changer de médiateur' : 'se déconnecter'}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
