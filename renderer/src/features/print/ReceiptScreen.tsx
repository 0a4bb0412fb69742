import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrinterStatus, ReceiptPreview as Preview } from '../../../../preload/api';
import { api, call, CallError } from '../../api';
import { UnsavedOutcomes } from '../flow/UnsavedOutcomes';
import { openPdf } from './a4-download';
import { measuredAgo } from './measured-ago';
import { ReceiptPreview } from './ReceiptPreview';

type Outcome = { kind: 'ok'; text: string } | { kind: 'fault'; text: string } | null;

const messageOf = (caught: unknown, fallback: string) => (caught instanceof CallError ? caught.message : fallback);

/**
 * '/recu': the receipt for the usager. Shows exactly what will print, whether the printer answers, prints it once
 * ("Réimprimer" is a separate, explicit action), and offers the A4 PDF when the printer fails or is missing.
 */
export function ReceiptScreen() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<PrinterStatus | null>(null);
  const [checking, setChecking] = useState(true);
  const [busy, setBusy] = useState<'print' | 'a4' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const outcomeBox = useRef<HTMLDivElement>(null);

  // The last measured state comes at once (so "Imprimer" shows at once); a fresh measure follows.
  const loadStatus = useCallback(() => {
    void call(api().print.status()).then(setStatus, () => undefined);
    return call(api().print.check())
      .then(setStatus, () => undefined)
      .finally(() => setChecking(false));
  }, []);

  const loadPreview = useCallback(
    () =>
      call(api().print.preview())
        .then(setPreview)
        .catch((caught: unknown) => setLoadError(messageOf(caught, "Le reçu n'a pas pu être préparé. Réessayez."))),
    [],
  );

  useEffect(() => {
    document.title = 'Reçu – Point numérique';
    void loadPreview();
    void loadStatus();
  }, [loadPreview, loadStatus]);

  // What printing did (or why it failed) is read next to the buttons: it takes the focus, never the top of the page.
  useEffect(() => {
    if (outcome) outcomeBox.current?.focus();
  }, [outcome]);

  const reloadStatus = () => call(api().print.status()).then(setStatus, () => undefined);

  const refreshStatus = () => {
    setChecking(true);
    void loadStatus();
  };

  const print = async (reprint: boolean) => {
    // A second click while a job runs does nothing (main/print also refuses a second job).
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy('print');
    setOutcome(null);
    try {
      const result = await call(api().print.receipt({ reprint }));
      if (result.result === 'needs_answer') {
        setOutcome({ kind: 'fault', text: "Répondez d'abord : le reçu est-il sorti ?" });
        await reloadStatus();
        return;
      }
      if (result.result === 'already_printed') {
        setOutcome({
          kind: 'ok',
          text: 'Le reçu est déjà imprimé. Pour un deuxième exemplaire, choisissez « Réimprimer ».',
        });
      } else if (result.result === 'printed') {
        setOutcome({ kind: 'ok', text: 'Le reçu est imprimé. Donnez-le à la personne.' });
      }
      setPreview((current) => (current ? { ...current, printed: true } : current));
    } catch (caught) {
      setOutcome({ kind: 'fault', text: messageOf(caught, "L'impression n'a pas abouti. Réessayez.") });
      // The failed job measured the printer: show that state (and the question, if paper may have come out).
      await reloadStatus();
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const cancel = () => void call(api().print.cancel()).catch(() => undefined);

  const answer = async (cameOut: boolean) => {
    try {
      const result = await call(api().print.answer({ cameOut }));
      setPreview((current) => (current ? { ...current, printed: result.printed } : current));
      setOutcome({
        kind: 'ok',
        text: cameOut
          ? 'Le reçu compte comme imprimé. Donnez-le à la personne.'
          : 'Vous pouvez imprimer le reçu à nouveau.',
      });
    } catch (caught) {
      setOutcome({ kind: 'fault', text: messageOf(caught, "La réponse n'a pas été enregistrée. Réessayez.") });
    }
    await reloadStatus();
  };

  const printA4 = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy('a4');
    try {
      const result = await call(api().print.a4());
      if (result.mode === 'download' && result.pdfBase64) {
        openPdf(result.pdfBase64, result.name);
        setOutcome({ kind: 'ok', text: 'Le reçu en A4 (PDF) est ouvert. Il est aussi gardé dans cet accompagnement.' });
      } else if (result.mode === 'printed') {
        setOutcome({ kind: 'ok', text: 'Le reçu A4 est envoyé à l’imprimante du poste.' });
        setPreview((current) => (current ? { ...current, printed: true } : current));
      } else {
        setOutcome({ kind: 'ok', text: 'Impression A4 annulée. Le PDF reste gardé dans cet accompagnement.' });
      }
    } catch (caught) {
      setOutcome({ kind: 'fault', text: messageOf(caught, "Le reçu A4 n'a pas pu être préparé. Réessayez.") });
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const printed = preview?.printed ?? false;
  const canThermal = status?.enabled ?? false;
  const asking = status?.askReceipt ?? false;

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Reçu du point numérique</Typography>
      <UnsavedOutcomes onSaved={() => void loadPreview()} />
      {loadError && (
        <Alert severity="error" role="alert">
          {loadError}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ alignItems: 'flex-start' }}>
        <Box>
          {preview ? (
            <ReceiptPreview preview={preview} />
          ) : (
            !loadError && <CircularProgress aria-label="Préparation du reçu" />
          )}
        </Box>
        <Stack spacing={2} sx={{ minWidth: 280, maxWidth: 420 }}>
          <Typography variant="h2" sx={{ fontSize: '1.25rem' }}>
            Imprimante de reçus
          </Typography>
          <PrinterState status={status} checking={checking} />
          <div aria-live="polite">
            {outcome && (
              <Alert
                severity={outcome.kind === 'ok' ? 'success' : 'error'}
                data-testid="print-outcome"
                ref={outcomeBox}
                tabIndex={-1}
              >
                {outcome.text}
              </Alert>
            )}
          </div>
          {asking && <ReceiptQuestion onAnswer={(cameOut) => void answer(cameOut)} />}
          {canThermal && !printed && !asking && (
            <Button
              variant="contained"
              size="large"
              disabled={!preview || busy !== null}
              onClick={() => void print(false)}
            >
              {busy === 'print' ? 'Impression en cours…' : outcome?.kind === 'fault' ? 'Réessayer' : 'Imprimer'}
            </Button>
          )}
          {canThermal && printed && !asking && (
            <Button variant="outlined" size="large" disabled={busy !== null} onClick={() => void print(true)}>
              {busy === 'print' ? 'Impression en cours…' : 'Réimprimer'}
            </Button>
          )}
          {busy === 'print' && (
            <Button variant="outlined" color="warning" onClick={cancel}>
              Annuler l'impression
            </Button>
          )}
          <Button
            variant={canThermal ? 'outlined' : 'contained'}
            size="large"
            disabled={!preview || busy !== null}
            onClick={() => void printA4()}
          >
            {busy === 'a4' ? 'Préparation du PDF…' : 'Imprimer en A4 (PDF)'}
          </Button>
          <Button variant="text" disabled={checking} onClick={refreshStatus}>
            Vérifier l'imprimante
          </Button>
        </Stack>
      </Stack>
    </Stack>
  );
}

/** After a job that may have printed: nothing is sent again before this answer. */
function ReceiptQuestion({ onAnswer }: { onAnswer: (cameOut: boolean) => void }) {
  return (
    <Alert severity="warning" data-testid="receipt-question" icon={false}>
      <Typography component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        Le reçu est-il sorti ?
      </Typography>
      <Typography sx={{ mb: 1 }}>Regardez l'imprimante. Répondez avant d'imprimer à nouveau.</Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => onAnswer(true)}>
          Oui, il est sorti
        </Button>
        <Button variant="outlined" onClick={() => onAnswer(false)}>
          Non, pas en entier
        </Button>
      </Stack>
    </Alert>
  );
}

function PrinterState({ status, checking }: { status: PrinterStatus | null; checking: boolean }) {
  if (!status || (status.enabled && status.connected === null)) {
    return (
      <Typography>{checking ? "Vérification de l'imprimante…" : "L'état de l'imprimante est inconnu."}</Typography>
    );
  }
  if (!status.enabled) {
    return (
      <Alert severity="info">Aucune imprimante de reçus n'est réglée sur ce poste. Imprimez le reçu en A4 (PDF).</Alert>
    );
  }
  const age = measuredAgo(status.ageSeconds);
  if (status.connected) {
    return (
      <Chip
        color="success"
        label={`Imprimante prête (${age})`}
        data-testid="printer-state"
        sx={{ alignSelf: 'flex-start' }}
      />
    );
  }
  return (
    <Alert severity="warning" data-testid="printer-state">
      {status.problem?.message ?? "L'imprimante de reçus ne répond pas."} ({age})
    </Alert>
  );
}
