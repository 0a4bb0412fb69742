import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import type { Demarche, FlowEntry } from '../../../../preload/api';
import { FormatChecker } from './FormatChecker';
import { PIECE_STATUS_LABELS } from './labels';
import { OwnAccountNotice } from './OwnAccountNotice';
import { ScreenReaderText } from './ScreenReaderText';

/** The ordered steps with progress; the current one in full, with its notice, site link, format check and pièces. */
export function StepsGuide({
  demarche,
  entry,
  onGo,
  onDone,
  onOpenSite,
}: {
  demarche: Demarche;
  entry: FlowEntry;
  onGo(index: number): void;
  onDone(stepId: string): void;
  onOpenSite(url: string): void;
}) {
  const steps = demarche.steps;
  const index = Math.min(entry.stepIndex, steps.length - 1);
  const step = steps[index]!;
  const done = entry.stepsDone.length;
  return (
    <Box component="section" aria-labelledby="etapes-titre">
      <Typography id="etapes-titre" variant="h2" sx={{ mb: 1 }}>
        Les étapes
      </Typography>
      <Typography data-testid="progress-text">
        Étape {index + 1} sur {steps.length} — {done} faite{done > 1 ? 's' : ''}.
      </Typography>
      <LinearProgress
        variant="determinate"
        value={(done / steps.length) * 100}
        aria-label={`Progression : ${done} étape${done > 1 ? 's' : ''} faite${done > 1 ? 's' : ''} sur ${steps.length}`}
        sx={{ height: 10, my: 1 }}
      />
      <Stack
        component="ol"
        direction="row"
        spacing={1}
        sx={{ listStyle: 'none', p: 0, m: 0, mb: 2, flexWrap: 'wrap', gap: 1 }}
      >
        {steps.map((s, i) => (
          <li key={s.id}>
            <Button
              size="small"
              variant={i === index ? 'contained' : 'outlined'}
              aria-current={i === index ? 'step' : undefined}
              onClick={() => onGo(i)}
              startIcon={entry.stepsDone.includes(s.id) ? <CheckCircleIcon aria-hidden /> : undefined}
            >
              {i + 1}. {s.title}
              {entry.stepsDone.includes(s.id) && <ScreenReaderText> (faite)</ScreenReaderText>}
            </Button>
          </li>
        ))}
      </Stack>
      <Box sx={{ p: 2, border: '2px solid #000091', bgcolor: '#fff' }} data-testid="current-step">
        <Typography variant="h3" id="etape-courante" tabIndex={-1} sx={{ mb: 1 }}>
          Étape {index + 1} : {step.title}
        </Typography>
        <Stack spacing={1.5}>
          {step.body.map((line) => (
            <Typography key={line}>{line}</Typography>
          ))}
          {step.ownAccount && <OwnAccountNotice />}
          {step.site && (
            <Box>
              <Button variant="contained" onClick={() => onOpenSite(step.site!)}>
                Ouvrir la page de cette étape
              </Button>
            </Box>
          )}
          {step.format && <FormatChecker kind={step.format} demarcheId={demarche.id} />}
          {step.pieces.length > 0 && (
            <Box>
              <Typography sx={{ fontWeight: 700 }}>Pièces de cette étape :</Typography>
              <ul>
                {step.pieces.map((pieceId) => {
                  const piece = demarche.pieces.find((p) => p.id === pieceId);
                  const status = entry.pieces[pieceId]?.status ?? 'a_verifier';
                  return (
                    <li key={pieceId}>
                      {piece?.label} <Chip size="small" label={PIECE_STATUS_LABELS[status]} />
                    </li>
                  );
                })}
              </ul>
            </Box>
          )}
          <Stack direction="row" spacing={2}>
            <Button variant="outlined" disabled={index === 0} onClick={() => onGo(index - 1)}>
              Étape précédente
            </Button>
            <Button variant="contained" onClick={() => onDone(step.id)}>
              {index === steps.length - 1 ? 'Étape faite' : 'Étape faite : suivante'}
            </Button>
          </Stack>
        </Stack>
      </Box>
    </Box>
  );
}
