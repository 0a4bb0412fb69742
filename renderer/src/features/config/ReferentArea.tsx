import { Alert, Box, Button, CircularProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { referentPanels } from '../../app/referent-panels';
import { api } from '../../api';
import { errorText } from '../access/PinField';
import { useTitle } from '../access/useTitle';
import { JournalPanel } from '../journal/JournalPanel';
import { BackupPanel } from './BackupPanel';
import type { StationConfig } from '../../../../preload/api';
import { ConfigContext, type ConfigValue } from './ConfigContext';
import { DelaysPanel } from './DelaysPanel';
import { MediatorsPanel } from './MediatorsPanel';
import { referentAreaShown, useReferentCall } from './referent-call';
import { useReferentActivity } from './referent-presence';
import { ResetFieldsNotice } from './ResetFieldsNotice';
import { SitePanel } from './SitePanel';
import { StationPanel } from './StationPanel';

interface Panel {
  id: string;
  label: string;
  element: ReactElement;
}

/**
 * '/referent': the référent area, open only after the référent PIN (access.referentSignIn). Its own panels come
 * first, then those other capabilities register in app/referent-panels.tsx.
 */
export function ReferentArea() {
  useTitle('Espace référent');
  const navigate = useNavigate();
  const referentCall = useReferentCall();
  const [params, setParams] = useSearchParams();
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [config, setConfig] = useState<StationConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resets, setResets] = useState<Array<{ field: string; message: string }>>([]);

  const loadConfig = useCallback(async () => {
    try {
      setConfig(await referentCall(api().config.get()));
      setResets(await referentCall(api().config.resetFields()));
    } catch (caught) {
      setError(errorText(caught, "La configuration n'a pas pu être lue."));
    }
  }, [referentCall]);

  useEffect(() => {
    void api()
      .access.status()
      .then((result) => {
        const open = result.ok && result.value.referent.signedIn;
        setSignedIn(open);
        if (open) void loadConfig();
      });
  }, [loadConfig]);

  useReferentActivity(signedIn === true);

  // The area closes by itself (minutes without action, a mediator's sign-in, a session start): leave the screen.
  useEffect(() => {
    const timer = setInterval(() => {
      void api()
        .access.status()
        .then((result) => {
          if (referentAreaShown() && result.ok && !result.value.referent.signedIn)
            navigate('/referent/connexion?raison=expiree');
        });
    }, 20_000);
    return () => clearInterval(timer);
  }, [navigate]);

  const context = useMemo<ConfigValue | null>(
    () =>
      config && {
        config,
        async save(sections) {
          setConfig(await referentCall(api().config.saveSections({ sections })));
          // A saved section is stored anew: its reset notice goes.
          setResets(await referentCall(api().config.resetFields()));
        },
      },
    [config, referentCall],
  );

  if (signedIn === false) return <Navigate to="/referent/connexion" replace />;

  const panels: Panel[] = [
    { id: 'poste', label: 'Poste', element: <StationPanel /> },
    { id: 'mediateurs', label: 'Médiateurs', element: <MediatorsPanel /> },
    { id: 'delais', label: 'Délais et enquête', element: <DelaysPanel /> },
    { id: 'site', label: 'Site officiel', element: <SitePanel /> },
    { id: 'journal', label: 'Journal', element: <JournalPanel /> },
    {
      id: 'sauvegarde',
      label: 'Sauvegarde',
      element: (
        <BackupPanel
          onImported={() => {
            void loadConfig();
          }}
        />
      ),
    },
    ...referentPanels,
  ];
  const current = panels.find((panel) => panel.id === params.get('onglet')) ?? panels[0]!;

  const close = async () => {
    await api().access.referentSignOut();
    navigate('/');
  };

  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h1">Espace référent</Typography>
        <Button variant="outlined" onClick={() => void close()}>
          Fermer l'espace référent
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <ResetFieldsNotice resets={resets} />
      {!context ? (
        <CircularProgress aria-label="Chargement" />
      ) : (
        <ConfigContext.Provider value={context}>
          <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
            <Tabs
              value={current.id}
              onChange={(_event, id: string) => setParams({ onglet: id }, { replace: true })}
              variant="scrollable"
              scrollButtons="auto"
              aria-label="Réglages du poste"
            >
              {panels.map((panel) => (
                <Tab
                  key={panel.id}
                  value={panel.id}
                  label={panel.label}
                  id={`onglet-${panel.id}`}
                  aria-controls={`panneau-${panel.id}`}
                />
              ))}
            </Tabs>
          </Box>
          <Box
            role="tabpanel"
            id={`panneau-${current.id}`}
            aria-labelledby={`onglet-${current.id}`}
            key={current.id}
            sx={{ pt: 1 }}
          >
            {current.element}
          </Box>
        </ConfigContext.Provider>
      )}
    </Stack>
  );
}
