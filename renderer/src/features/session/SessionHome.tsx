import { Alert, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Navigate, Link as RouterLink, useNavigate } from 'react-router';
import { api, call, CallError } from '../../api';
import { useSession } from './SessionContext';
import { WipeReportNotice } from './WipeReportNotice';

/** '/accueil': the signed-in mediator's home. Starts an accompaniment; shows the last wipe report for a while. */
export function SessionHome() {
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [fresh, setFresh] = useState(false);

  useEffect(() => {
    document.title = 'Accueil – Point numérique';
    // The mediator may have just signed in: read who is at the counter now.
    void refresh()
      .catch(() => undefined)
      .finally(() => setFresh(true));
  }, [refresh]);

  if (!state || !fresh) return null;
  if (!state.mediator) return <Navigate to="/" replace />;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(api().session.start());
      await refresh();
      navigate('/demarches');
    } catch (caught) {
      setError(caught instanceof CallError ? caught.message : "L'accompagnement n'a pas pu commencer. Réessayez.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Bonjour {state.mediator.pseudonym}</Typography>
      {state.lastWipe && !state.session && <WipeReportNotice report={state.lastWipe} />}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 4 }}>
        {state.session ? (
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography>Un accompagnement est en cours.</Typography>
            <Button component={RouterLink} to="/demarches" variant="contained" size="large">
              Reprendre l'accompagnement
            </Button>
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography>Un usager s'installe au poste ? Commencez un accompagnement.</Typography>
            <Button
              variant="contained"
              size="large"
              disabled={busy}
              onClick={() => void start()}
              sx={{ fontSize: '1.25rem', px: 4, py: 2 }}
            >
              Commencer un accompagnement
            </Button>
          </Stack>
        )}
      </Paper>
      <Link component={RouterLink} to="/referent/connexion" sx={{ alignSelf: 'flex-start' }}>
        Espace référent
      </Link>
    </Stack>
  );
}
