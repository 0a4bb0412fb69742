import { Alert, AlertTitle, Container } from '@mui/material';
import type { CounterError } from '../api';

/** Shown instead of the counter when the station cannot start (for example a damaged station.db). */
export function StartupError({ error }: { error: CounterError }) {
  return (
    <Container component="main" maxWidth="md" sx={{ py: 6 }}>
      <Alert severity="error" role="alert" data-testid="startup-error" data-code={error.code}>
        <AlertTitle component="h1" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
          Le poste ne peut pas démarrer
        </AlertTitle>
        {error.message}
      </Alert>
    </Container>
  );
}
