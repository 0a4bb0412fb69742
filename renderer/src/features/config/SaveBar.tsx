import { Button, Stack } from '@mui/material';
import { ResultMessage } from '../../app/ResultMessage';

/** The "Enregistrer" button of a panel and what happened after it (announced to screen readers). */
export function SaveBar({
  busy,
  message,
  label = 'Enregistrer',
}: {
  busy: boolean;
  message: { ok: boolean; text: string } | null;
  label?: string;
}) {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Button type="submit" variant="contained" disabled={busy}>
        {label}
      </Button>
      <ResultMessage message={message} />
    </Stack>
  );
}
