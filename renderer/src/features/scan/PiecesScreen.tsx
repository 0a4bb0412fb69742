import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { api } from '../../api';
import { useQuery } from '../../app/data';
import { useTitle } from '../access/useTitle';
import type { PieceOption } from './ImportCard';
import { ScanPanel } from './ScanPanel';

/**
 * '/pieces': every document imported during the accompaniment, usable with or without a démarche. Choosing a
 * démarche offers its checklist of pièces to attach the documents to.
 */
export function PiecesScreen() {
  useTitle('Pièces scannées');
  const catalog = useQuery('catalog', () => api().flow.catalog());
  const started = useQuery('started', () => api().flow.list());
  const [chosen, setChosen] = useState<string | null>(null);
  // The first démarche of the accompaniment, until the mediator chooses another.
  const demarcheId = chosen ?? started.data?.[0]?.demarcheId ?? '';
  const demarche = useQuery(`demarche:${demarcheId}`, () => api().flow.demarche({ id: demarcheId }), {
    enabled: demarcheId !== '',
  });
  const pieces: PieceOption[] =
    demarcheId && demarche.data?.id === demarcheId
      ? demarche.data.pieces
          .filter((piece) => piece.kind === 'upload')
          .map((piece) => ({ id: piece.id, label: piece.label, maxUploadBytes: piece.maxUploadBytes }))
      : [];
  const error = catalog.error ?? started.error;

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Documents de l'usager</Typography>
      {error && <Alert severity="warning">{error.message}</Alert>}
      <TextField
        select
        label="Démarche dont les pièces sont rattachées"
        value={demarcheId}
        onChange={(event) => setChosen(event.target.value)}
        slotProps={{ select: { native: true } }}
        sx={{ maxWidth: 560 }}
      >
        <option value="">Aucune démarche (documents seulement)</option>
        {(catalog.data?.demarches ?? []).map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </TextField>
      <ScanPanel demarcheId={demarcheId} pieces={pieces} showAll />
    </Stack>
  );
}
