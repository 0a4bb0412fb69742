import { Alert, Button } from '@mui/material';
import type { CounterError } from '../api';

/**
 * The end of a form that sends one request: the refusal (the screen's own check or main's), then the button that
 * sends the form, disabled while the request runs.
 */
export function FormSubmit({
  action,
  label,
  errorTestId,
}: {
  action: { busy: boolean; error: CounterError | null };
  label: string;
  errorTestId: string;
}) {
  return (
    <>
      {action.error && (
        <Alert severity="error" role="alert" data-testid={errorTestId}>
          {action.error.message}
        </Alert>
      )}
      <Button type="submit" variant="contained" size="large" disabled={action.busy} sx={{ alignSelf: 'flex-start' }}>
        {label}
      </Button>
    </>
  );
}
