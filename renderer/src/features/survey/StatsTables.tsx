import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Paper } from '@mui/material';
import {
  AUTONOMY_LABELS,
  DURATION_BUCKET_LABELS,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  SATISFACTION_LABELS,
  SATISFACTION_LEVELS,
  SURVEY_ITEM_LABELS,
  type Stats,
} from '../../../../preload/api';

export const NOT_ENTERED_LABEL = 'Non renseigné';
const labelOf = (labels: Record<string, string>, code: string) => labels[code] ?? NOT_ENTERED_LABEL;

export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${String(Math.round(rate * 1000) / 10).replace('.', ',')} %`;
}

/** The satisfaction per item as an accessible table: rate, number of opinions, then each answer's count. */
export function SatisfactionTable({ stats }: { stats: Stats }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby="stats-satisfaction-titre" data-testid="satisfaction-table">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Question
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Satisfaits
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Avis exprimés
            </TableCell>
            {SATISFACTION_LEVELS.map((level) => (
              <TableCell key={level} component="th" scope="col" align="right">
                {SATISFACTION_LABELS[level]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.satisfaction.items.map((item) => (
            <TableRow key={item.item}>
              <TableCell component="th" scope="row">
                {SURVEY_ITEM_LABELS[item.item]}
              </TableCell>
              <TableCell align="right">{formatRate(item.rate)}</TableCell>
              <TableCell align="right">{item.answered}</TableCell>
              {SATISFACTION_LEVELS.map((level) => (
                <TableCell key={level} align="right">
                  {item.counts[level]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** A two-column table of counts (autonomy, durations, outcomes). */
export function CountsTable({
  caption,
  counts,
  labels,
  testId,
}: {
  caption: string;
  counts: Record<string, number>;
  labels: Record<string, string>;
  testId?: string;
}) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid={testId}>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, padding: '8px 16px' }}>
          {caption}
        </caption>
        <TableBody>
          {Object.entries(counts).map(([code, n]) => (
            <TableRow key={code}>
              <TableCell component="th" scope="row">
                {labelOf(labels, code)}
              </TableCell>
              <TableCell align="right">{n}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export const TABLE_LABELS = {
  autonomy: AUTONOMY_LABELS as Record<string, string>,
  durations: DURATION_BUCKET_LABELS as Record<string, string>,
  outcomes: OUTCOME_LABELS as Record<string, string>,
};

/** Per démarche: how many times it was done and its outcomes. */
export function DemarcheTable({ stats, titleOf }: { stats: Stats; titleOf: (id: string) => string }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="demarche-table">
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, padding: '8px 16px' }}>
          Par démarche
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Démarche
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Nombre
            </TableCell>
            {[...OUTCOME_CODES, 'non_renseigne'].map((code) => (
              <TableCell key={code} component="th" scope="col" align="right">
                {labelOf(OUTCOME_LABELS, code)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.byDemarche.length === 0 && (
            <TableRow>
              <TableCell colSpan={7}>Aucune démarche sur cette période.</TableCell>
            </TableRow>
          )}
          {stats.byDemarche.map((d) => (
            <TableRow key={d.demarcheId}>
              <TableCell component="th" scope="row">
                {titleOf(d.demarcheId)}
              </TableCell>
              <TableCell align="right">{d.sessions}</TableCell>
              {[...OUTCOME_CODES, 'non_renseigne'].map((code) => (
                <TableCell key={code} align="right">
                  {d.outcomes[code] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
