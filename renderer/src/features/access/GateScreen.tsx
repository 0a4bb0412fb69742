import { Alert, CircularProgress } from '@mui/material';
import { Navigate } from 'react-router';
import { api } from '../../api';
import { useQuery } from '../../app/data';

/**
 * '/': where the counter starts. Not set up → the first-start assistant; a mediator signed in → their home;
 * otherwise the sign-in screen.
 */
export function GateScreen() {
  const status = useQuery('status', () => api().access.status());

  if (status.error) {
    return (
      <Alert severity="error" role="alert">
        {status.error.message}
      </Alert>
    );
  }
  if (!status.data) return <CircularProgress aria-label="Chargement" />;
  if (!status.data.setUp) return <Navigate to="/installation" replace />;
  if (status.data.mediator) return <Navigate to="/accueil" replace />;
  return <Navigate to="/connexion" replace />;
}
