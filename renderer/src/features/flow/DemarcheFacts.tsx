import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Demarche } from '../../../../preload/api';

/** What the usager should remember: reminders, what they receive, délais, how to follow the dossier. */
export function DemarcheFacts({ demarche }: { demarche: Demarche }) {
  const unsure = <Chip size="small" color="warning" variant="outlined" label="À vérifier" sx={{ ml: 1 }} />;
  return (
    <Box component="section" aria-labelledby="retenir-titre">
      <Typography id="retenir-titre" variant="h2" sx={{ mb: 1 }}>
        À retenir
      </Typography>
      <Stack spacing={2}>
        <Box data-testid="reminders">
          <Typography variant="h3" sx={{ mb: 0.5 }}>
            Rappels
          </Typography>
          <ul>
            {demarche.reminders.map((reminder) => (
              <li key={reminder.id}>
                {reminder.text}
                {reminder.unsure && unsure}
              </li>
            ))}
          </ul>
        </Box>
        <Box data-testid="filed-do-now">
          <Typography variant="h3" sx={{ mb: 0.5 }}>
            Une fois fait : {demarche.filed.outcome.toLowerCase()}
          </Typography>
          <ul>
            {demarche.filed.doNow.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Box>
        {demarche.fees.length > 0 && (
          <Box>
            <Typography variant="h3" sx={{ mb: 0.5 }}>
              Prix
            </Typography>
            <ul>
              {demarche.fees.map((fee) => (
                <li key={fee.text}>
                  {fee.text}
                  {fee.unsure && unsure}
                </li>
              ))}
            </ul>
          </Box>
        )}
        <Box>
          <Typography variant="h3" sx={{ mb: 0.5 }}>
            Ce que vous recevez
          </Typography>
          <ul>
            {demarche.receives.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Box>
        <Box>
          <Typography variant="h3" sx={{ mb: 0.5 }}>
            Délais
          </Typography>
          <Typography>
            {demarche.delais.text} <em>(Source : {demarche.delais.source}.)</em>
            {demarche.delais.unsure && unsure}
          </Typography>
        </Box>
        <Box>
          <Typography variant="h3" sx={{ mb: 0.5 }}>
            Suivre le dossier
          </Typography>
          <Typography>
            {demarche.followUp.how}
            {demarche.followUp.unsure && unsure}
          </Typography>
          <Typography sx={{ wordBreak: 'break-all' }}>Adresse : {demarche.followUp.url}</Typography>
          {demarche.helpLine && (
            <Typography data-testid="help-line">
              Une question : {demarche.helpLine.name}, {demarche.helpLine.phone}. {demarche.helpLine.hours}
            </Typography>
          )}
          {demarche.followUp.statuses.length > 0 && (
            <Box component="dl" sx={{ mt: 1 }}>
              {demarche.followUp.statuses.map((status) => (
                <Box key={status.name} sx={{ mb: 0.5 }}>
                  <Box component="dt" sx={{ fontWeight: 700 }}>
                    {status.name}
                  </Box>
                  <Box component="dd" sx={{ ml: 2 }}>
                    {status.meaning}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
        </Box>
      </Stack>
    </Box>
  );
}
