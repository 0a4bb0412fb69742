import { Alert, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { Navigate, Link as RouterLink, useNavigate } from 'react-router';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { useTitle } from '../access/useTitle';
import { useSession } from './SessionContext';
import { WipeReportNotice } from './WipeReportNotice';

/** '/accueil': the signed-in mediator's home. Starts an accompaniment; shows the last wipe report for a while. */
export function SessionHome() {
  useTitle('Accueil');
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  // The mediator may have just signed in: read who is at the counter now (a failed read shows what is known).
  const fresh = useQuery('session-home', async () => ({ ok: true as const, value: await refresh() }));
  const start = useAction(() => api().session.start(), {
    onSuccess: async () => {
      await refresh().catch(() => undefined);
      navigate('/demarches');
    },
  });

  if (!state || fresh.loading) return null;
  if (!state.mediator) return <Navigate to="/" replace />;

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Bonjour {state.mediator.pseudonym}</Typography>
      {state.lastWipe && !state.session && <WipeReportNotice report={state.lastWipe} />}
      {start.error && (
        <Alert severity="error" role="alert">
          {start.error.message}
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
              disabled={start.busy}
              onClick={() => void start.run()}
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
