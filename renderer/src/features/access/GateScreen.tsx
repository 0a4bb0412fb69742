import { Alert, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import type { AccessStatus } from '../../../../preload/api';
import { api } from '../../api';

/**
 * '/': where the counter starts. Not set up → the first-start assistant; a mediator signed in → their home;
 * otherwise the sign-in screen.
 */
export function GateScreen() {
  const [status, setStatus] = useState<AccessStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api()
      .access.status()
      .then((result) => (result.ok ? setStatus(result.value) : setError(result.error.message)));
  }, []);

  if (error) {
    return (
      <Alert severity="error" role="alert">
        {error}
      </Alert>
    );
  }
  if (!status) return <CircularProgress aria-label="Chargement" />;
  if (!status.setUp) return <Navigate to="/installation" replace />;
  if (status.mediator) return <Navigate to="/accueil" replace />;
  return <Navigate to="/connexion" replace />;
}
