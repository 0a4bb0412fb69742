import {
  Alert,
  Box,
  Button,
  CircularProgress,
  MenuItem,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ExportRequest, Stats } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { useReferentReply } from '../config/referent-call';
import { offerDownload } from './download';
import { dayOf, granularityFor, periodRange, type PeriodKind } from './period';
import { AutonomyChart, OutcomesChart, SatisfactionChart, SessionsChart } from './StatsCharts';
import { useDemarcheTitles } from './useDemarcheTitles';
import { CountsTable, DemarcheTable, SatisfactionTable, TABLE_LABELS } from './StatsTables';

const PERIODS: Array<{ kind: PeriodKind; label: string }> = [
  { kind: 'day', label: 'Jour' },
  { kind: 'week', label: 'Semaine' },
  { kind: 'month', label: 'Mois' },
  { kind: 'year', label: 'Année' },
  { kind: 'custom', label: 'Dates au choix' },
];

const EXPORTS: Array<{ kind: ExportRequest['kind']; label: string }> = [
  { kind: 'sessions', label: 'Journal des accompagnements (CSV)' },
  { kind: 'figures', label: 'Chiffres de la période (CSV)' },
  { kind: 'summary', label: 'Affiche des résultats (PDF, une page)' },
];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 180 }}>
      <Typography variant="body2">{label}</Typography>
      <Typography sx={{ fontSize: '1.75rem', fontWeight: 700 }} data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

/** Référent area, "Statistiques": the anonymous log and the survey over a period, charts, tables, exports. */
export function StatsPanel() {
  const referentReply = useReferentReply();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [reference, setReference] = useState(() => dayOf(new Date()));
  const [custom, setCustom] = useState(() => ({ from: dayOf(new Date()), to: dayOf(new Date()) }));
  const [demarcheId, setDemarcheId] = useState('');
  const titleOf = useDemarcheTitles();

  const range = periodRange(kind, reference, custom);
  const { from, to } = range;
  // The period and the démarche chosen are what is read: another choice reads again, the latest reply is shown.
  const read = useQuery(`stats:${from}|${to}|${demarcheId}`, () =>
    referentReply(
      api().survey.stats({ from, to, granularity: granularityFor({ from, to }), demarcheId: demarcheId || null }),
    ),
  );
  const stats: Stats | null = read.data ?? null;
  const exporting = useAction(
    (exportKind: ExportRequest['kind']) =>
      referentReply(api().survey.export({ kind: exportKind, ...range, demarcheId: demarcheId || null })),
    {
      success: (result) =>
        result.delivered === 'saved'
          ? `Fichier enregistré : ${result.fileName}.`
          : result.delivered === 'download'
            ? `Fichier téléchargé : ${result.fileName}.`
            : null,
      onSuccess: offerDownload,
    },
  );
  const error = (exporting.error ?? read.error)?.message ?? null;
  const notice = exporting.message?.ok ? exporting.message.text : null;
  const exportFile = (exportKind: ExportRequest['kind']) => exporting.run(exportKind);

  return (
    <Stack spacing={3}>
      <Typography variant="h2">Statistiques</Typography>
      <Typography variant="body2">
        Chiffres anonymes des accompagnements et de l'enquête de satisfaction. Taux de satisfaction = très satisfaits et
        satisfaits, parmi les usagers qui ont donné un avis (les « je ne sais pas » ne comptent pas).
      </Typography>

      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}
      >
        <ToggleButtonGroup
          exclusive
          value={kind}
          onChange={(_event, value: PeriodKind | null) => value && setKind(value)}
          aria-label="Période"
        >
          {PERIODS.map((p) => (
            <ToggleButton key={p.kind} value={p.kind}>
              {p.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {kind === 'custom' ? (
          <>
            <TextField
              type="date"
              label="Du"
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              type="date"
              label="Au (inclus)"
              value={custom.to}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </>
        ) : (
          <TextField
            type="date"
            label="Jour de la période"
            value={reference}
            onChange={(event) => event.target.value && setReference(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
        <TextField
          select
          label="Démarche"
          value={demarcheId}
          onChange={(event) => setDemarcheId(event.target.value)}
          sx={{ minWidth: 260 }}
        >
          <MenuItem value="">Toutes les démarches</MenuItem>
          {(stats?.demarcheIds ?? []).map((id) => (
            <MenuItem key={id} value={id}>
              {titleOf(id)}
            </MenuItem>
          ))}
          {demarcheId && !stats?.demarcheIds.includes(demarcheId) && (
            <MenuItem value={demarcheId}>{demarcheId}</MenuItem>
          )}
        </TextField>
      </Stack>
      <Typography data-testid="stats-period">
        Période : du {range.from} au {range.to}
      </Typography>

      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status">
          {notice}
        </Alert>
      )}

      {!stats ? (
        !error && <CircularProgress aria-label="Chargement des statistiques" />
      ) : (
        <>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <Figure label="Accompagnements" value={String(stats.sessions)} testId="stats-sessions" />
            <Figure
              label="Durée médiane"
              value={stats.medianMinutes === null ? '—' : `${Math.round(stats.medianMinutes)} min`}
              testId="stats-median"
            />
            <Figure
              label="Réponses à l'enquête"
              value={String(stats.satisfaction.responses)}
              testId="stats-responses"
            />
          </Stack>

          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <SessionsChart stats={stats} />
            <SatisfactionChart stats={stats} />
          </Stack>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <OutcomesChart stats={stats} />
            <AutonomyChart stats={stats} />
          </Stack>

          <Typography variant="h3" id="stats-satisfaction-titre" sx={{ fontSize: '1.25rem' }}>
            Satisfaction par question
          </Typography>
          <SatisfactionTable stats={stats} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <CountsTable caption="Résultat des démarches" counts={stats.outcomes} labels={TABLE_LABELS.outcomes} />
            <CountsTable caption="Autonomie" counts={stats.autonomy} labels={TABLE_LABELS.autonomy} />
            <CountsTable caption="Durée" counts={stats.durations} labels={TABLE_LABELS.durations} />
          </Stack>
          <DemarcheTable stats={stats} titleOf={titleOf} />
        </>
      )}

      <Box>
        <Typography variant="h3" sx={{ fontSize: '1.25rem', mb: 1 }}>
          Exporter
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {EXPORTS.map((e) => (
            <Button key={e.kind} variant="outlined" onClick={() => void exportFile(e.kind)}>
              {e.label}
            </Button>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
