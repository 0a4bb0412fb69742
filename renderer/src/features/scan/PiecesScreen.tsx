import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { api, call } from '../../api';
import type { PieceOption } from './ImportCard';
import { ScanPanel } from './ScanPanel';

/**
 * '/pieces': every document imported during the accompaniment, usable with or without a démarche. Choosing a
 * démarche offers its checklist of pièces to attach the documents to.
 */
export function PiecesScreen() {
  const [demarches, setDemarches] = useState<Array<{ id: string; title: string }>>([]);
  const [demarcheId, setDemarcheId] = useState('');
  const [loaded, setLoaded] = useState<{ demarcheId: string; pieces: PieceOption[] }>({ demarcheId: '', pieces: [] });
  const pieces = loaded.demarcheId === demarcheId ? loaded.pieces : [];
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Pièces scannées – Point numérique';
    void (async () => {
      try {
        const catalog = await call(api().flow.catalog());
        setDemarches(catalog.demarches.map((item) => ({ id: item.id, title: item.title })));
        const started = await call(api().flow.list());
        if (started[0]) setDemarcheId(started[0].demarcheId);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : 'La liste des démarches ne peut pas être lue.');
      }
    })();
  }, []);

  useEffect(() => {
    if (!demarcheId) return;
    let live = true;
    void api()
      .flow.demarche({ id: demarcheId })
      .then((result) => {
        if (live && result.ok) {
          setLoaded({
            demarcheId,
            pieces: result.value.pieces
              .filter((piece) => piece.kind === 'upload')
              .map((piece) => ({ id: piece.id, label: piece.label, maxUploadBytes: piece.maxUploadBytes })),
          });
        }
      });
    return () => {
      live = false;
    };
  }, [demarcheId]);

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Documents de l'usager</Typography>
      {error && <Alert severity="warning">{error}</Alert>}
      <TextField
        select
        label="Démarche dont les pièces sont rattachées"
        value={demarcheId}
        onChange={(event) => setDemarcheId(event.target.value)}
        slotProps={{ select: { native: true } }}
        sx={{ maxWidth: 560 }}
      >
        <option value="">Aucune démarche (documents seulement)</option>
        {demarches.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </TextField>
      <ScanPanel demarcheId={demarcheId} pieces={pieces} showAll />
    </Stack>
  );
}
