import { CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { useEffect, useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import type { AppInfo } from '../../../preload/api';
import { api, type CounterError } from '../api';
import { routes } from './routes';
import { Shell } from './Shell';
import { StartupError } from './StartupError';
import { StationContext } from './StationContext';
import { theme } from './theme';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<CounterError | null>(null);

  useEffect(() => {
    void api()
      .app.info()
      .then((result) => (result.ok ? setInfo(result.value) : setError(result.error)));
  }, []);

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
