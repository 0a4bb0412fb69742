import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import { Alert, Box, Button, Chip, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { api, type Result } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { FORMAT_LABELS, sizeText, type ScanImport } from './types';

export interface PieceOption {
  id: string;
  label: string;
  /** The démarche site's size limit for this pièce, when it states one (else the station default). */
  maxUploadBytes?: number;
}

interface Props {
  item: ScanImport;
  /** The démarche of the panel ('' in the overview): attaching to a pièce attaches to it. */
  demarcheId: string;
  pieces: PieceOption[];
  first: boolean;
  last: boolean;
  onPreview(): void;
  onError(message: string): void;
  /** The document was deleted: the panel says so where the eyes are (the card and its buttons are gone). */
  onRemoved(label: string): void;
}

const AUTRE = '';

type Changes = Omit<Parameters<ReturnType<typeof api>['scan']['update']>[0], 'id'>;

/** One imported document: thumbnail, upload status, and the counter's actions on it. */
export function ImportCard({ item, demarcheId, pieces, first, last, onPreview, onError, onRemoved }: Props) {
  // A new version (turned, cropped…) has a new thumbnail; the old one stays shown until it arrives.
  const thumbnail = useQuery(`thumbnail:${item.id}:${item.version}`, () => api().scan.thumbnail({ id: item.id }));
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(item.label);

  // Every change of the card is one action: one busy flag, main's refusal said by the panel (next to the list).
  const change = useAction((request: () => Promise<Result<unknown>>) => request(), {
    onError: (error) => onError(error.message),
  });
  const busy = change.busy;
  const update = (changes: Changes) => change.run(() => api().scan.update({ id: item.id, ...changes }));
  const move = (direction: 'up' | 'down') => void change.run(() => api().scan.move({ id: item.id, direction }));
  const remove = async () => {
    if ((await change.run(() => api().scan.remove({ id: item.id }))) !== undefined) onRemoved(item.label);
  };

  const ready = item.status === 'ready';
  const titleId = `scan-${item.id}-title`;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2 }} data-testid="scan-import">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Box sx={{ width: 160, flexShrink: 0 }}>
          {thumbnail.data ? (
            <Box
              component="img"
              src={thumbnail.data.dataUrl}
              alt={`Miniature de ${item.label}`}
              sx={{
                width: 160,
                maxHeight: 220,
                objectFit: 'contain',
                border: 1,
                borderColor: 'divider',
                bgcolor: '#fff',
              }}
            />
          ) : (
            <Box sx={{ width: 160, height: 200, bgcolor: 'action.hover' }} aria-hidden="true" />
          )}
        </Box>
        <Stack spacing={1.5} sx={{ flexGrow: 1, minWidth: 0 }}>
          {renaming ? (
            <Stack
              component="form"
              direction="row"
              spacing={1}
              onSubmit={(event) => {
                event.preventDefault();
                // A refused name keeps the form open with what was typed, to correct it.
                void update({ label: name }).then((done) => done !== undefined && setRenaming(false));
              }}
            >
              <TextField
                size="small"
                label="Nouveau nom"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoFocus
              />
              <Button type="submit" variant="contained" disabled={busy || name.trim() === ''}>
                Valider
              </Button>
              <Button onClick={() => setRenaming(false)}>Annuler</Button>
            </Stack>
          ) : (
            <Typography id={titleId} variant="h4" component="h4" sx={{ fontSize: '1.1rem', wordBreak: 'break-word' }}>
              {item.label}
            </Typography>
          )}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Chip
              color={ready ? 'success' : 'error'}
              label={
                ready
                  ? `Prêt à envoyer · ${sizeText(item.size)} (limite ${sizeText(item.limit)})`
                  : `Trop lourd · ${sizeText(item.size)} (limite ${sizeText(item.limit)})`
              }
            />
            <Chip
              variant="outlined"
              label={`${FORMAT_LABELS[item.format]} · ${item.pages} page${item.pages > 1 ? 's' : ''}`}
            />
            <Chip variant="outlined" label={`Envoyé sous le nom ${item.uploadName}`} />
          </Stack>
          {!ready && (
            <Alert severity="warning">
              Même réduit, ce document dépasse la taille acceptée. Essayez « Noir et blanc » ou « Recadrer », ou
              scannez-le à nouveau en plus basse résolution.
            </Alert>
          )}
          {item.notes.map((note) => (
            <Alert key={note} severity="info">
              {note}
            </Alert>
          ))}
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <TextField
              select
              size="small"
              label="Pièce"
              value={item.pieceId ?? AUTRE}
              onChange={(e) =>
                void update({
                  pieceId: e.target.value === AUTRE ? null : e.target.value,
                  limit: pieces.find((piece) => piece.id === e.target.value)?.maxUploadBytes ?? null,
                  ...(demarcheId ? { demarcheId } : {}),
                })
              }
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: 220 }}
              disabled={busy}
            >
              {pieces.map((piece) => (
                <option key={piece.id} value={piece.id}>
                  {piece.label}
                </option>
              ))}
              <option value={AUTRE}>Autre pièce</option>
            </TextField>
            <TextField
              select
              size="small"
              label="Format envoyé"
              value={item.format}
              onChange={(e) => void update({ format: e.target.value as ScanImport['format'] })}
              slotProps={{ select: { native: true } }}
              disabled={busy || item.pages > 1}
            >
              {(['jpg', 'png', 'pdf'] as const).map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </TextField>
            <FormControlLabel
              control={
                <Switch
                  checked={item.grayscale}
                  onChange={(e) => void update({ grayscale: e.target.checked })}
                  disabled={busy}
                />
              }
              label="Noir et blanc"
            />
            <FormControlLabel
              control={
                <Switch checked={item.crop} onChange={(e) => void update({ crop: e.target.checked })} disabled={busy} />
              }
              label="Recadrer sur la page"
            />
          </Stack>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button startIcon={<ZoomInIcon />} onClick={onPreview} variant="outlined">
              Agrandir
            </Button>
            <Button
              startIcon={<RotateRightIcon />}
              onClick={() => void update({ rotate: { turn: 90 } })}
              disabled={busy}
              variant="outlined"
            >
              Pivoter d'un quart de tour
            </Button>
            <Button
              startIcon={<EditIcon />}
              onClick={() => {
                setName(item.label);
                setRenaming(true);
              }}
              variant="outlined"
            >
              Renommer
            </Button>
            <Button
              startIcon={<ArrowUpwardIcon />}
              onClick={() => move('up')}
              disabled={busy || first}
              aria-label={`Monter ${item.label}`}
            >
              Monter
            </Button>
            <Button
              startIcon={<ArrowDownwardIcon />}
              onClick={() => move('down')}
              disabled={busy || last}
              aria-label={`Descendre ${item.label}`}
            >
              Descendre
            </Button>
            <Button
              startIcon={<DeleteIcon />}
              color="error"
              onClick={() => void remove()}
              disabled={busy}
              aria-label={`Supprimer ${item.label}`}
            >
              Supprimer
            </Button>
          </Stack>
        </Stack>
      </Stack>
    </Paper>
  );
}
