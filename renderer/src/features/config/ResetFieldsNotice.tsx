import { Alert, AlertTitle } from '@mui/material';

/**
 * Stored settings main read back as their defaults (config.resetFields: a bad or unsafe stored field falls back
 * alone), each with why, so the référent knows what to set again.
 */
export function ResetFieldsNotice({ resets }: { resets: ReadonlyArray<{ field: string; message: string }> }) {
  if (resets.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="reset-fields">
      <AlertTitle>
        {resets.length === 1
          ? 'Un réglage a été remis à sa valeur par défaut'
          : 'Des réglages ont été remis à leur valeur par défaut'}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {resets.map((reset) => (
          <li key={reset.field}>{reset.message}</li>
        ))}
      </ul>
    </Alert>
  );
}
