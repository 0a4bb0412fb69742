import { Box, Paper, Stack } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import type { CounterError } from '../../api';
import { FormSubmit } from '../../app/FormSubmit';

/**
 * A sign-in form (mediator, référent): its fields, then the refusal (the screen's own check or main's), then the
 * button that sends it, disabled while the sign-in runs.
 */
export function SignInForm({
  action,
  submitLabel,
  errorTestId,
  children,
}: {
  action: { run(): Promise<unknown>; busy: boolean; error: CounterError | null };
  submitLabel: string;
  errorTestId: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={3}>
          {children}
          <FormSubmit action={action} label={submitLabel} errorTestId={errorTestId} />
        </Stack>
      </Box>
    </Paper>
  );
}
