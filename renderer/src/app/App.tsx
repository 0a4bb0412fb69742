import { CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { HashRouter, Route, Routes } from 'react-router';
import { api } from '../api';
import { useQuery } from './data';
import { routes } from './routes';
import { Shell } from './Shell';
import { StartupError } from './StartupError';
import { StationContext } from './StationContext';
import { theme } from './theme';

export function App() {
  const station = useQuery('app-info', () => api().app.info());
  const info = station.data ?? null;
  const error = station.error;

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {error ? (
        <StartupError error={error} />
      ) : !info ? (
        <CircularProgress aria-label="Chargement" sx={{ m: 4 }} />
      ) : (
        <StationContext.Provider value={info}>
          <HashRouter>
            <Shell>
              <Routes>
                {routes.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
              </Routes>
            </Shell>
          </HashRouter>
        </StationContext.Provider>
      )}
    </ThemeProvider>
  );
}
