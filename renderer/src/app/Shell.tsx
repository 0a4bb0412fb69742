import { AppBar, Box, Container, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { SignedInBar } from '../features/access/SignedInBar';
import { IdleWarningDialog } from '../features/session/IdleWarningDialog';
import { SessionBar } from '../features/session/SessionBar';
import { SessionProvider } from '../features/session/SessionContext';
import { SessionGate } from '../features/session/SessionGate';
import { CloseRequestDialog } from './CloseRequestDialog';
import { useReferentLeave } from '../features/config/referent-presence';
import { useStation } from './StationContext';
import { useFocusKeeper } from './useFocusKeeper';

/** Header, skip link and main landmark shared by every screen. */
export function Shell({ children }: { children: ReactNode }) {
  const station = useStation();
  useReferentLeave();
  useFocusKeeper();
  return (
    <SessionProvider>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <AppBar position="static" color="inherit" elevation={0} sx={{ borderBottom: '1px solid #ddd' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Box
            aria-hidden
            sx={{ width: 8, height: 40, background: 'linear-gradient(#000091 33%, #fff 33% 66%, #e1000f 66%)' }}
          />
          <Box sx={{ flexGrow: 1 }}>
            <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
              Point numérique
            </Typography>
            <Typography component="p" variant="body2" color="text.secondary" data-testid="station-name">
              {station.stationName}
            </Typography>
          </Box>
          <SignedInBar />
          <Box id="shell-actions" />
        </Toolbar>
      </AppBar>
      <SessionBar />
      <Container component="main" id="contenu" tabIndex={-1} maxWidth="lg" sx={{ py: 4 }}>
        <SessionGate>{children}</SessionGate>
      </Container>
      <IdleWarningDialog />
      <CloseRequestDialog />
    </SessionProvider>
  );
}
