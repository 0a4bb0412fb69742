import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { formatElapsed } from './elapsed';
import { useSession } from './SessionContext';

const LINKS = [
  { to: '/demarches', label: 'Démarches' },
  { to: '/pieces', label: 'Pièces' },
  { to: '/recu', label: 'Reçu' },
] as const;

/** The usager's own screens (the survey) show no mediator controls. */
const USAGER_PATHS = ['/enquete'];

/** Shown under the header while an accompaniment runs: how long it has run, its screens, and the way out. */
export function SessionBar() {
  const { state } = useSession();
  const { pathname } = useLocation();
  const session = state?.session;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!session) return;
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [session]);

  if (!session || USAGER_PATHS.includes(pathname)) return null;
  return (
    <Box
      component="nav"
      aria-label="Accompagnement en cours"
      data-testid="session-bar"
      sx={{ borderBottom: '1px solid #ddd', bgcolor: '#f5f5fe', px: 3, py: 1 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 700 }} data-testid="session-elapsed">
          Accompagnement {formatElapsed(session.startedAt, now)}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {LINKS.map((link) => (
          <Button key={link.to} component={NavLink} to={link.to} size="large">
            {link.label}
          </Button>
        ))}
        <Button component={NavLink} to="/fin" variant="contained" color="primary" size="large">
          Terminer l'accompagnement
        </Button>
      </Stack>
    </Box>
  );
}
