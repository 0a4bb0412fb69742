import { Box, Paper, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { SURVEY_ITEM_LABELS, type Stats } from '../../../../preload/api';
import { NOT_ENTERED_LABEL, TABLE_LABELS } from './StatsTables';

/**
 * The charts of the statistics screen. Each is an image for screen readers (role="img" with a summary); the same
 * figures are in the tables below, which is what a screen reader should read.
 */
function ChartBox({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 300 }}>
      <Typography variant="h3" sx={{ fontSize: '1.125rem', mb: 1 }}>
        {title}
      </Typography>
      <Box role="img" aria-label={summary}>
        {children}
      </Box>
    </Paper>
  );
}

export function SessionsChart({ stats }: { stats: Stats }) {
  return (
    <ChartBox
      title="Accompagnements par période"
      summary={`${stats.sessions} accompagnements du ${stats.from} au ${stats.to}. Détail dans les tableaux.`}
    >
      <BarChart
        height={260}
        xAxis={[{ scaleType: 'band', data: stats.series.map((s) => s.period) }]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[{ data: stats.series.map((s) => s.sessions), label: 'Accompagnements', color: '#000091' }]}
        hideLegend
      />
    </ChartBox>
  );
}

export function SatisfactionChart({ stats }: { stats: Stats }) {
  const items = stats.satisfaction.items;
  return (
    <ChartBox
      title="Part des usagers satisfaits, par question"
      summary="Taux de satisfaction par question, en pourcentage. Les chiffres exacts sont dans le tableau."
    >
      <BarChart
        height={280}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: items.map((i) => SURVEY_ITEM_LABELS[i.item]), width: 180 }]}
        xAxis={[{ min: 0, max: 100 }]}
        series={[
          {
            data: items.map((i) => (i.rate === null ? null : Math.round(i.rate * 1000) / 10)),
            label: 'Satisfaits (%)',
            color: '#18753c',
          },
        ]}
        hideLegend
      />
    </ChartBox>
  );
}

export function OutcomesChart({ stats }: { stats: Stats }) {
  const entries = Object.entries(stats.outcomes);
  return (
    <ChartBox title="Résultat des démarches" summary="Nombre de démarches par résultat. Détail dans les tableaux.">
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: entries.map(([code]) => TABLE_LABELS.outcomes[code] ?? NOT_ENTERED_LABEL) }]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[{ data: entries.map(([, n]) => n), label: 'Démarches', color: '#0063cb' }]}
        hideLegend
      />
    </ChartBox>
  );
}

const SHORT_AUTONOMY: Record<string, string> = {
  entierement_accompagne: 'Avec guidage',
  partiellement_autonome: 'Guidage si besoin',
  autonome: 'Autonome',
};

export function AutonomyChart({ stats }: { stats: Stats }) {
  const entries = Object.entries(stats.autonomy);
  return (
    <ChartBox title="Autonomie des usagers" summary="Nombre d'accompagnements par niveau d'autonomie.">
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: entries.map(([code]) => SHORT_AUTONOMY[code] ?? NOT_ENTERED_LABEL) }]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[{ data: entries.map(([, n]) => n), label: 'Accompagnements', color: '#b34000' }]}
        hideLegend
      />
    </ChartBox>
  );
}
