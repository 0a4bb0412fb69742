import { TextField } from '@mui/material';
import { useState } from 'react';
import { useFlushedSave } from './useFlushedSave';

/** The mediator's notes on this démarche: in memory with the session, wiped at its end. */
export function NotesField({ value, onSave }: { value: string; onSave(notes: string): void }) {
  const [text, setText] = useState(value);
  const { schedule, flush } = useFlushedSave(onSave, 700);

  return (
    <TextField
      id="notes"
      label="Notes sur cette démarche"
      helperText="Effacées à la fin de l'accompagnement. N'écrivez jamais de mot de passe."
      multiline
      minRows={3}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        schedule(event.target.value);
      }}
      onBlur={flush}
      slotProps={{ htmlInput: { maxLength: 4000 } }}
    />
  );
}
