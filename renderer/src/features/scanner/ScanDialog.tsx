import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ScannerSourceId } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { SOURCE_LABELS, STEP_LABELS } from './labels';
import { defaultSource, scannedText } from './scan-text';

export interface ScanTarget {
  demarcheId: string | null;
  pieceId: string | null;
  /** Name of the pièce, for the title ("Numériser : Justificatif de domicile"). */
  label?: string;
}

type Progress = { step: keyof typeof STEP_LABELS; pages: number };

/**
 * The mediator's scan: source, colours, resolution (300 ppp by default), then the job with its progress per page
 * and a cancel that stops it on the scanner. The business rules (what is attached, when) are in main/scanner.
 */
export function ScanDialog({ target, onClose }: { target: ScanTarget; onClose(): void }) {
  const scanner = useQuery('scanner-state', () => api().scanner.state());
  const state = scanner.data ?? null;
  const sources = state?.scanner?.sources ?? [];
  const [picked, setSource] = useState<ScannerSourceId | null>(null);
  const source = picked ?? defaultSource(sources.map((item) => item.id));
  const [colorMode, setColorMode] = useState<'color' | 'grayscale'>('color');
  const [resolution, setResolution] = useState(300);
  const [progress, setProgress] = useState<Progress | null>(null);
  const result = useRef<HTMLDivElement>(null);

  const scan = useAction(() => api().scanner.scan({ source, colorMode, resolution, ...target }), {
    success: ({ pages }) => scannedText(pages, target.label),
  });
  const running = scan.busy;
  // The scanner that cannot be read says why where the scan's outcome is written.
  const outcome = scan.message ?? (scanner.error ? { ok: false, text: scanner.error.message } : null);

  // Not a read: main pushes the job's progress page by page while the scan runs.
  useEffect(() => api().events.on('scanner.progress', ({ step, pages }) => setProgress({ step, pages })), []);

  useEffect(() => {
    if (scan.message || scanner.error) result.current?.focus();
  }, [scan.message, scanner.error]);

  const chosen = sources.find((item) => item.id === source);
  const resolutions = chosen?.resolutions ?? [300];

  const start = () => {
    setProgress({ step: 'connecting', pages: 0 });
    void scan.run();
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} aria-labelledby="scan-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="scan-dialog-title">Numériser{target.label ? ` : ${target.label}` : ''}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {!state && !outcome && <LinearProgress aria-label="Connexion au scanner" />}
          {state?.problem && <Alert severity="error">{state.problem.message}</Alert>}
          {state?.scanner && (
            <>
              <Typography variant="body2">Scanner : {state.scanner.name}</Typography>
              <FormControl>
                <FormLabel id="scan-source">Source</FormLabel>
                <RadioGroup
                  aria-labelledby="scan-source"
                  value={source}
                  onChange={(e) => setSource(e.target.value as ScannerSourceId)}
                >
                  {sources.map((item) => (
                    <FormControlLabel
                      key={item.id}
                      value={item.id}
                      control={<Radio />}
                      label={SOURCE_LABELS[item.id]}
                      disabled={running}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              <FormControl>
                <FormLabel id="scan-colour">Couleurs</FormLabel>
                <RadioGroup
                  row
                  aria-labelledby="scan-colour"
                  value={colorMode}
                  onChange={(e) => setColorMode(e.target.value as 'color' | 'grayscale')}
                >
                  <FormControlLabel value="color" control={<Radio />} label="Couleur" disabled={running} />
                  <FormControlLabel value="grayscale" control={<Radio />} label="Niveaux de gris" disabled={running} />
                </RadioGroup>
              </FormControl>
              <TextField
                select
                label="Résolution"
                value={resolutions.includes(resolution) ? resolution : (resolutions[0] ?? 300)}
                onChange={(e) => setResolution(Number(e.target.value))}
                disabled={running}
                helperText="300 ppp convient aux pièces justificatives."
              >
                {resolutions.map((value) => (
                  <MenuItem key={value} value={value}>
                    {value} ppp
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          {running && progress && (
            <div role="status" aria-live="polite">
              <Typography>
                {progress.step === 'page'
                  ? `${progress.pages} page${progress.pages > 1 ? 's' : ''} reçue${progress.pages > 1 ? 's' : ''}…`
                  : STEP_LABELS[progress.step]}
              </Typography>
              <LinearProgress aria-label="Numérisation en cours" />
            </div>
          )}
          <div ref={result} tabIndex={-1} role="status" aria-live="polite">
            {outcome && (
              <Alert severity={outcome.ok ? 'success' : 'error'} data-testid="scan-dialog-result">
                {outcome.text}
              </Alert>
            )}
          </div>
        </Stack>
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button color="warning" onClick={() => void api().scanner.cancel()}>
            Annuler la numérisation
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Fermer</Button>
            {state?.scanner && (
              <Button variant="contained" onClick={start}>
                {outcome ? 'Numériser encore' : 'Lancer la numérisation'}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
