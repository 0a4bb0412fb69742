import { TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';

/** The mediator's notes on this démarche: in memory with the session, wiped at its end. */
export function NotesField({ value, onSave }: { value: string; onSave(notes: string): void }) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const saved = useRef(value);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      saved.current = next;
      onSave(next);
    }, 700);
  };

  return (
    <TextField
      id="notes"
      label="Notes sur cette démarche"
      helperText="Effacées à la fin de l'accompagnement. N'écrivez jamais de mot de passe."
      multiline
      minRows={3}
      value={text}
      onChange={(event) => change(event.target.value)}
      onBlur={() => {
        window.clearTimeout(timer.current);
        if (text !== saved.current) {
          saved.current = text;
          onSave(text);
        }
      }}
      slotProps={{ htmlInput: { maxLength: 4000 } }}
    />
  );
}
