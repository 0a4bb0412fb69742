import {
  Alert,
  Box,
  Button,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { JournalEntryView } from '../../../../preload/api';
import { api } from '../../api';
import { errorText } from '../access/PinField';
import { useReferentCall } from '../config/referent-call';
import { JOURNAL_LABELS, describeDetails } from './labels';

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00`);
  day.setDate(day.getDate() + 1);
  return day.toISOString();
}

type ChainView = { intact: boolean; rows: number; brokenAt: number | null };

/** Whether the journal's hash chain still holds (main/journal/chain.ts), said in words. */
function ChainStatus({ chain }: { chain: ChainView }) {
  if (chain.intact) {
    return (
      <Alert severity="success">
        Le journal est intact : ses {chain.rows} événements n'ont pas été modifiés depuis leur écriture.
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      Le journal a été modifié en dehors de l'application : l'événement n° {chain.brokenAt} ou un événement juste avant
      lui a été changé ou supprimé. Les événements à partir du n° {chain.brokenAt} ne sont plus fiables. Prévenez le
      responsable de la sécurité du service.
    </Alert>
  );
}

/** Journal: the référent reads the station's append-only journal, filtered by event and by date. */
export function JournalPanel() {
  const referentCall = useReferentCall();
  const [code, setCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<JournalEntryView[] | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [chain, setChain] = useState<ChainView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchEntries = useCallback(
    (filter: { code: string; from: string; to: string }) =>
      referentCall(
        api().journal.list({
          code: filter.code || undefined,
          from: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
          to: filter.to ? nextDay(filter.to) : undefined,
          limit: 500,
        }),
      ),
    [referentCall],
  );

  const show = (result: { entries: JournalEntryView[]; codes: string[]; chain: ChainView }) => {
    setError(null);
    setEntries(result.entries);
    setCodes(result.codes);
    setChain(result.chain);
  };
  const fail = (caught: unknown) => setError(errorText(caught, "Le journal n'a pas pu être lu. Réessayez."));

  useEffect(() => {
    let live = true;
    fetchEntries({ code: '', from: '', to: '' }).then(
      (result) => {
        if (!live) return;
        setEntries(result.entries);
        setCodes(result.codes);
        setChain(result.chain);
      },
      (caught: unknown) => live && setError(errorText(caught, "Le journal n'a pas pu être lu. Réessayez.")),
    );
    return () => {
      live = false;
    };
  }, [fetchEntries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    fetchEntries({ code, from, to }).then(show, fail);
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h2">Journal du poste</Typography>
      <Typography variant="body2">
        Chaque événement du poste est noté ici, sans aucune donnée personnelle ni code. Le journal ne peut être ni
        modifié ni effacé par l'application, et une modification faite en dehors se voit.
      </Typography>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField
            select
            label="Événement"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
            sx={{ minWidth: 280 }}
          >
            <MenuItem value="">Tous les événements</MenuItem>
            {codes.map((c) => (
              <MenuItem key={c} value={c}>
                {JOURNAL_LABELS[c] ?? c}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label="Du"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            label="Au (inclus)"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button type="submit" variant="contained" sx={{ py: 2 }}>
            Filtrer
          </Button>
        </Stack>
      </Box>
      {chain && <ChainStatus chain={chain} />}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <div role="status" aria-live="polite">
        {entries &&
          `${entries.length} événement${entries.length > 1 ? 's' : ''}${entries.length === 500 ? ' (les 500 plus récents)' : ''}.`}
      </div>
      {entries && entries.length > 0 && (
        <Table size="small" aria-label="Événements du journal" data-testid="journal-table">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Date et heure
              </TableCell>
              <TableCell component="th" scope="col">
                Événement
              </TableCell>
              <TableCell component="th" scope="col">
                Par
              </TableCell>
              <TableCell component="th" scope="col">
                Détails
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id} data-code={entry.code}>
                <TableCell>{new Date(entry.at).toLocaleString('fr-FR')}</TableCell>
                <TableCell>{JOURNAL_LABELS[entry.code] ?? entry.code}</TableCell>
                <TableCell>{entry.actor === 'referent' ? 'Référent' : (entry.actor ?? '—')}</TableCell>
                <TableCell>{describeDetails(entry.details)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
