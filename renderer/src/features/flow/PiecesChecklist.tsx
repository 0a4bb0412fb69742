import {
  Box,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import type { Demarche, FlowEntry, PieceStatus, ScanImport } from '../../../../preload/api';
import { PIECE_STATUS_LABELS } from './labels';
import { ScanButton } from '../scanner/ScanButton';

const KIND_LABELS = {
  upload: 'À scanner et ajouter sur le site',
  code: 'À taper sur le site',
  paper: 'Papier à garder ou à donner',
  declaration: 'À déclarer sur l’honneur',
} as const;

/**
 * The pièces of the démarche: what each one is, where to get it, and whether it is here (présente), missing
 * (manquante) or linked to a scan imported in this session.
 */
export function PiecesChecklist({
  demarche,
  entry,
  imports,
  onSet,
}: {
  demarche: Demarche;
  entry: FlowEntry;
  imports: ScanImport[];
  onSet(pieceId: string, status: PieceStatus, scans?: string[]): void;
}) {
  const present = demarche.pieces.filter((p) => ['present', 'scan'].includes(entry.pieces[p.id]?.status ?? '')).length;
  return (
    <Box component="section" aria-labelledby="pieces-titre" id="pieces" tabIndex={-1}>
      <Typography id="pieces-titre" variant="h2" sx={{ mb: 1 }}>
        Les pièces
      </Typography>
      <Typography sx={{ mb: 2 }} data-testid="pieces-count">
        {present} pièce{present > 1 ? 's' : ''} prête{present > 1 ? 's' : ''} sur {demarche.pieces.length}.
      </Typography>
      {demarche.pieces.length === 0 && <Typography>Aucune pièce à fournir pour cette démarche.</Typography>}
      <Stack spacing={2}>
        {demarche.pieces.map((piece) => {
          const status = entry.pieces[piece.id]?.status ?? 'a_verifier';
          const attached = imports.filter((item) => item.pieceId === piece.id);
          return (
            <FormControl
              key={piece.id}
              component="fieldset"
              data-testid={`piece-${piece.id}`}
              data-status={status}
              sx={{ p: 2, border: '1px solid #ddd', borderLeft: `6px solid ${colorOf(status)}` }}
            >
              <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary', px: 0.5 }}>
                {piece.label}
              </FormLabel>
              <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }}>
                <Chip size="small" label={KIND_LABELS[piece.kind]} />
                {piece.when && <Chip size="small" variant="outlined" label={piece.when} />}
                {piece.optional && <Chip size="small" variant="outlined" label="Facultative" />}
                {piece.unsure && (
                  <Chip size="small" color="warning" variant="outlined" label="Information à vérifier" />
                )}
              </Stack>
              <Typography variant="body2">{piece.explanation}</Typography>
              <Typography variant="body2" sx={{ mb: 1 }}>
                <strong>Où l'obtenir :</strong> {piece.whereToGet}
              </Typography>
              {piece.kind === 'upload' && (
                <Box sx={{ mb: 1 }}>
                  <ScanButton
                    size="small"
                    target={{ demarcheId: demarche.id, pieceId: piece.id, label: piece.label }}
                  />
                </Box>
              )}
              {attached.length > 0 && (
                <Typography variant="body2" data-testid={`piece-scans-${piece.id}`}>
                  <strong>Scans importés :</strong> {attached.map((item) => item.label).join(', ')}
                </Typography>
              )}
              <RadioGroup
                row
                name={`piece-${piece.id}`}
                value={status === 'a_verifier' ? '' : status}
                onChange={(event) =>
                  onSet(
                    piece.id,
                    event.target.value as PieceStatus,
                    event.target.value === 'scan' ? attached.map((item) => item.id) : undefined,
                  )
                }
              >
                <FormControlLabel value="present" control={<Radio />} label={PIECE_STATUS_LABELS.present} />
                <FormControlLabel value="manquant" control={<Radio />} label={PIECE_STATUS_LABELS.manquant} />
                <FormControlLabel
                  value="scan"
                  control={<Radio />}
                  label={PIECE_STATUS_LABELS.scan}
                  disabled={attached.length === 0}
                />
              </RadioGroup>
            </FormControl>
          );
        })}
      </Stack>
    </Box>
  );
}

function colorOf(status: PieceStatus): string {
  return status === 'manquant' ? '#ce0500' : status === 'a_verifier' ? '#929292' : '#18753c';
}
