import { Box, Button } from '@mui/material';
import { useRef } from 'react';
import { useStation } from '../../app/StationContext';

/**
 * "Choisir le fichier à importer": in a browser a file input; in the desktop app main/ shows the open dialog, so
 * `onFile` gets no file. Together with config-file-transfer.ts, the one place where the two differ.
 */
export function ImportConfigButton({ busy, onFile }: { busy: boolean; onFile(file?: File): void }) {
  const { transport } = useStation();
  const input = useRef<HTMLInputElement>(null);
  if (transport !== 'web') {
    return (
      <Button variant="outlined" disabled={busy} onClick={() => onFile()} sx={{ alignSelf: 'flex-start' }}>
        Choisir le fichier à importer
      </Button>
    );
  }
  return (
    <Box>
      <input
        ref={input}
        id="config-file"
        type="file"
        aria-label="Fichier de configuration à importer"
        accept="application/json,.json"
        style={{ display: 'none' }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button variant="outlined" disabled={busy} onClick={() => input.current?.click()}>
        Choisir le fichier à importer
      </Button>
    </Box>
  );
}
