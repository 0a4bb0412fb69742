import RotateRightIcon from '@mui/icons-material/RotateRight';
import {
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
import { useEffect, useState } from 'react';
import { api, call } from '../../api';
import type { ScanImport } from './types';

/** The large preview of one import, page by page, as it will be sent; each page can be turned. Keyed by import. */
export function PreviewDialog({ item, onClose }: { item: ScanImport | null; onClose(): void }) {
  const [page, setPage] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; url: string } | null>(null);
  const key = item ? `${item.id}:${item.version}:${page}` : '';
  const image = loaded?.key === key ? loaded.url : null;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!item) return;
    let live = true;
    void api()
      .scan.preview({ id: item.id, page })
      .then((result) => {
        if (live && result.ok) setLoaded({ key, url: result.value.dataUrl });
      });
    return () => {
      live = false;
    };
  }, [item, key, page]);

  if (!item) return null;
  const turn = async () => {
    setBusy(true);
    try {
      await call(api().scan.update({ id: item.id, rotate: { page, turn: 90 } }));
    } finally {
      setBusy(false);
    }
  };
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
          ) : (
            <Stack sx={{ alignItems: 'center', justifyContent: 'center' }} spacing={1}>
              <CircularProgress aria-label="Chargement de l'aperçu" />
              <Typography>Préparation de l'aperçu…</Typography>
            </Stack>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<RotateRightIcon />} onClick={() => void turn()} disabled={busy}>
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
