import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { FileChooserRequest } from './useOfficialSite';

/** The official site asks for a file: offer the session's upload-ready pièces instead of the system dialog. */
export function FileChooserDialog({
  request,
  onChoose,
  onCancel,
}: {
  request: FileChooserRequest | null;
  onChoose(ids: string[]): void;
  onCancel(): void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) =>
      request?.multiple ? (on ? [...current, id] : current.filter((x) => x !== id)) : on ? [id] : [],
    );
  return (
    <Dialog open={request !== null} onClose={onCancel} aria-labelledby="choix-fichier-titre">
      <DialogTitle id="choix-fichier-titre">Quelle pièce envoyer au site ?</DialogTitle>
      <DialogContent>
        {request && request.files.length === 0 ? (
          <Typography>
            Aucune pièce prête à envoyer. Importez d'abord le scan de la pièce dans cet accompagnement.
          </Typography>
        ) : (
          <FormGroup>
            {request?.files.map((file) => (
              <FormControlLabel
                key={file.id}
                control={
                  <Checkbox checked={chosen.includes(file.id)} onChange={(e) => toggle(file.id, e.target.checked)} />
                }
                label={file.label}
              />
            ))}
          </FormGroup>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Annuler</Button>
        <Button
          variant="contained"
          disabled={chosen.length === 0}
          onClick={() => {
            onChoose(chosen);
            setChosen([]);
          }}
        >
          Envoyer au site
        </Button>
      </DialogActions>
    </Dialog>
  );
}
