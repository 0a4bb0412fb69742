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
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useQuery } from '../../app/data';
import { useReferentReply } from '../config/referent-call';
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
  const referentReply = useReferentReply();
  const [code, setCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The filter last asked for ("Afficher"): the list read follows it.
  const [applied, setApplied] = useState({ code: '', from: '', to: '' });
  const journal = useQuery(`journal:${applied.code}|${applied.from}|${applied.to}`, () =>
    referentReply(
      api().journal.list({
        code: applied.code || undefined,
        from: applied.from ? new Date(`${applied.from}T00:00:00`).toISOString() : undefined,
        to: applied.to ? nextDay(applied.to) : undefined,
        limit: 500,
      }),
    ),
  );
  const entries = journal.data?.entries ?? null;
  const codes = journal.data?.codes ?? [];
  const chain = journal.data?.chain ?? null;
  const error = journal.error?.message ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code === applied.code && from === applied.from && to === applied.to) void journal.reload();
    else setApplied({ code, from, to });
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
