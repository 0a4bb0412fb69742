import { Paper, Stack, Typography } from '@mui/material';
import { useStation } from '../../app/StationContext';

export function HomeScreen() {
  const station = useStation();
  return (
    <Stack spacing={3}>
      <Typography variant="h1">Bienvenue</Typography>
      <Typography>{station.stationName}</Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>Poste d'accompagnement aux démarches en ligne.</Typography>
      </Paper>
    </Stack>
  );
}
