import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { PrinterStatus } from '../../../../preload/api';
import { api } from '../../api';
import { refusal, useAction, useQuery } from '../../app/data';
import { useTitle } from '../access/useTitle';
import { UnsavedOutcomes } from '../flow/UnsavedOutcomes';
import { openPdf } from './a4-download';
import { measuredAgo } from './measured-ago';
import { ReceiptPreview } from './ReceiptPreview';

/**
 * '/recu': the receipt for the usager. Shows exactly what will print, whether the printer answers, prints it once
 * ("Réimprimer" is a separate, explicit action), and offers the A4 PDF when the printer fails or is missing.
 */
export function ReceiptScreen() {
  useTitle('Reçu');
  const receipt = useQuery('receipt-preview', () => api().print.preview());
  const preview = receipt.data ?? null;
  const markPrinted = (printed: boolean) => receipt.setData((current) => current && { ...current, printed });
  // The last measured state comes at once (so "Imprimer" shows at once); a fresh measure follows.
  const known = useQuery('printer-status', () => api().print.status());
  const measured = useQuery('printer-check', () => api().print.check());
  const recheck = useAction(() => api().print.check(), { onSuccess: measured.setData });
  const status: PrinterStatus | null = measured.data ?? known.data ?? null;
  const checking = measured.loading || recheck.busy;
  // A job that failed measured the printer: show that state (and the question, if paper may have come out).
  const restate = useAction(() => api().print.status(), { overlap: 'latest', onSuccess: measured.setData });
  const reloadStatus = () => restate.run();

  // A second click while a job runs does nothing (useAction; main/print also refuses a second job).
  const printing = useAction(
    async (reprint: boolean) => {
      const reply = await api().print.receipt({ reprint });
      return reply.ok && reply.value.result === 'needs_answer'
        ? refusal("Répondez d'abord : le reçu est-il sorti ?")
        : reply;
    },
    {
      success: ({ result }) =>
        result === 'already_printed'
          ? 'Le reçu est déjà imprimé. Pour un deuxième exemplaire, choisissez « Réimprimer ».'
          : result === 'printed'
            ? 'Le reçu est imprimé. Donnez-le à la personne.'
            : null,
      onSuccess: () => markPrinted(true),
      onError: () => void reloadStatus(),
    },
  );
  const answering = useAction((cameOut: boolean) => api().print.answer({ cameOut }), {
    success: ({ printed }) =>
      printed ? 'Le reçu compte comme imprimé. Donnez-le à la personne.' : 'Vous pouvez imprimer le reçu à nouveau.',
    onSuccess: async ({ printed }) => {
      markPrinted(printed);
      await reloadStatus();
    },
    onError: () => void reloadStatus(),
  });
  const a4 = useAction(() => api().print.a4(), {
    success: (result) =>
      result.mode === 'download' && result.pdfBase64
        ? 'Le reçu en A4 (PDF) est ouvert. Il est aussi gardé dans cet accompagnement.'
        : result.mode === 'printed'
          ? 'Le reçu A4 est envoyé à l’imprimante du poste.'
          : 'Impression A4 annulée. Le PDF reste gardé dans cet accompagnement.',
    onSuccess: (result) => {
      if (result.mode === 'download' && result.pdfBase64) openPdf(result.pdfBase64, result.name);
      else if (result.mode === 'printed') markPrinted(true);
    },
  });
  // One place says what the last action did: the three actions share it.
  const [last, setLast] = useState<'print' | 'answer' | 'a4' | null>(null);
  const outcome = last && { print: printing, answer: answering, a4 }[last].message;
  const busy = printing.busy ? 'print' : a4.busy ? 'a4' : null;
  const outcomeBox = useRef<HTMLDivElement>(null);
  // What printing did (or why it failed) is read next to the buttons: it takes the focus, never the top of the page.
  useEffect(() => {
    if (outcome) outcomeBox.current?.focus();
  }, [outcome]);
  const print = (reprint: boolean) => {
    if (busy) return;
    setLast('print');
    void printing.run(reprint);
  };
  const printA4 = () => {
    if (busy) return;
    setLast('a4');
    void a4.run();
  };
  const answer = (cameOut: boolean) => {
    setLast('answer');
    void answering.run(cameOut);
  };
  const cancel = () =>
    void api()
      .print.cancel()
      .catch(() => undefined);

  const printed = preview?.printed ?? false;
  const canThermal = status?.enabled ?? false;
  const asking = status?.askReceipt ?? false;

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Reçu du point numérique</Typography>
      <UnsavedOutcomes onSaved={() => void receipt.reload()} />
      {receipt.error && (
        <Alert severity="error" role="alert">
          {receipt.error.message}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ alignItems: 'flex-start' }}>
        <Box>
          {preview ? (
            <ReceiptPreview preview={preview} />
          ) : (
            !receipt.error && <CircularProgress aria-label="Préparation du reçu" />
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
                severity={outcome.ok ? 'success' : 'error'}
                data-testid="print-outcome"
                ref={outcomeBox}
                tabIndex={-1}
              >
                {outcome.text}
              </Alert>
            )}
          </div>
          {asking && <ReceiptQuestion onAnswer={answer} />}
          {canThermal && !printed && !asking && (
            <Button variant="contained" size="large" disabled={!preview || busy !== null} onClick={() => print(false)}>
              {busy === 'print' ? 'Impression en cours…' : outcome && !outcome.ok ? 'Réessayer' : 'Imprimer'}
            </Button>
          )}
          {canThermal && printed && !asking && (
            <Button variant="outlined" size="large" disabled={busy !== null} onClick={() => print(true)}>
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
            onClick={printA4}
          >
            {busy === 'a4' ? 'Préparation du PDF…' : 'Imprimer en A4 (PDF)'}
          </Button>
          <Button variant="text" disabled={checking} onClick={() => void recheck.run()}>
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
