import RotateRightIcon from '@mui/icons-material/RotateRight';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { refusal, useAction, useQuery } from '../../app/data';
import type { ScanImport } from './types';

/** The large preview of one import, page by page, as it will be sent; each page can be turned. Keyed by import. */
export function PreviewDialog({ item, onClose }: { item: ScanImport | null; onClose(): void }) {
  const [page, setPage] = useState(0);
  // A turned page is a new version: the key changes and the page is read again.
  const preview = useQuery(
    item ? `${item.id}:${item.version}:${page}` : '',
    () => (item ? api().scan.preview({ id: item.id, page }) : Promise.resolve(refusal('Aucun document.'))),
    { enabled: item !== null },
  );
  // The previous page (or its error) stays in the query while the next one is read: not shown under the new title.
  const readError = preview.loading ? null : preview.error;
  const image = preview.loading || readError ? null : (preview.data?.dataUrl ?? null);
  const errorBox = useRef<HTMLDivElement>(null);
  const turn = useAction(
    () =>
      item
        ? api().scan.update({ id: item.id, rotate: { page, turn: 90 } })
        : Promise.resolve(refusal('Aucun document.')),
    { onError: () => errorBox.current?.focus() },
  );

  if (!item) return null;
  const failure = turn.error ?? readError;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="scan-preview-title">
      <DialogTitle id="scan-preview-title">
        {item.label} — page {page + 1} sur {item.pages}
      </DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', justifyContent: 'center', minHeight: 300 }}>
          {image ? (
            <Box
              component="img"
              src={image}
              alt={`Page ${page + 1} de ${item.label}, telle qu'elle sera envoyée`}
              sx={{ maxWidth: '100%', maxHeight: '70vh' }}
            />
          ) : readError ? null : (
            <Stack sx={{ alignItems: 'center', justifyContent: 'center' }} spacing={1}>
              <CircularProgress aria-label="Chargement de l'aperçu" />
              <Typography>Préparation de l'aperçu…</Typography>
            </Stack>
          )}
        </Box>
        <div ref={errorBox} tabIndex={-1} role="status" aria-live="polite">
          {failure && <Alert severity="error">{failure.message}</Alert>}
        </div>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<RotateRightIcon />} onClick={() => void turn.run()} disabled={turn.busy}>
          Pivoter cette page
        </Button>
        <Button onClick={() => setPage(page - 1)} disabled={page === 0}>
          Page précédente
        </Button>
        <Button onClick={() => setPage(page + 1)} disabled={page >= item.pages - 1}>
          Page suivante
        </Button>
        <Button variant="contained" onClick={onClose}>
          Fermer
        </Button>
      </DialogActions>
    </Dialog>
  );
}
