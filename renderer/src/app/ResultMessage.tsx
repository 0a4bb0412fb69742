import { Alert } from '@mui/material';

export interface ResultText {
  ok: boolean;
  text: string;
}

/** What an action just did, in a live region so screen readers announce it (RGAA 7.5). */
export function ResultMessage({ message, testId }: { message: ResultText | null; testId?: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} data-testid={testId}>
          {message.text}
        </Alert>
      )}
    </div>
  );
}
