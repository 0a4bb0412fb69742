import { Alert, AlertTitle, List, ListItem } from '@mui/material';
import type { WipeReport } from '../../../../preload/api';
import { wipeReason, wipeSummary } from './wipe-summary';

/** What the last wipe removed; when part of it failed, what could not be removed and what to do. */
export function WipeReportNotice({ report }: { report: WipeReport }) {
  if (report.status === 'completed') {
    return (
      <Alert severity="success" data-testid="wipe-report" data-status="completed">
        <AlertTitle component="h2" sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
          Les données de l'accompagnement précédent ont été effacées
        </AlertTitle>
        {wipeReason(report)} {wipeSummary(report)}
      </Alert>
    );
  }
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="wipe-report"
      data-status="failed"
      sx={{ '& .MuiAlert-message': { overflow: 'visible' } }}
    >
      <AlertTitle component="h2" sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
        L'effacement de l'accompagnement précédent n'est pas complet
      </AlertTitle>
      {wipeReason(report)} {wipeSummary(report)}
      <List dense>
        {report.problems.map((problem) => (
          <ListItem key={problem} sx={{ display: 'list-item', listStyle: 'disc', ml: 2 }}>
            {problem}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
