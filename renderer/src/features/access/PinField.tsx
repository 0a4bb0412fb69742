import { TextField, type TextFieldProps } from '@mui/material';

/** A PIN input: digits only, hidden, never remembered by the browser. */
export function PinField(props: Omit<TextFieldProps, 'type'> & { label: string }) {
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="off"
      slotProps={{
        ...props.slotProps,
        htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 12, spellCheck: false },
      }}
    />
  );
}

export function errorText(caught: unknown, fallback: string): string {
  return caught instanceof Error && caught.message ? caught.message : fallback;
}
