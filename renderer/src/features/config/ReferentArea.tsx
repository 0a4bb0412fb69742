import { Alert, Box, Button, CircularProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMemo, type ReactElement } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { referentPanels } from '../../app/referent-panels';
import { api, type Result } from '../../api';
import { useQuery } from '../../app/data';
import { useTitle } from '../access/useTitle';
import { JournalPanel } from '../journal/JournalPanel';
import { BackupPanel } from './BackupPanel';
import type { Output, StationConfig } from '../../../../preload/api';
import { ConfigContext, type ConfigValue } from './ConfigContext';
import { DelaysPanel } from './DelaysPanel';
import { MediatorsPanel } from './MediatorsPanel';
import { referentAreaShown, useReferentCall, useReferentReply } from './referent-call';
import { useReferentActivity } from './referent-presence';
import { ResetFieldsNotice } from './ResetFieldsNotice';
import { SitePanel } from './SitePanel';
import { StationPanel } from './StationPanel';

interface Panel {
  id: string;
  label: string;
  element: ReactElement;
}

type Reply = <T>(promise: Promise<Result<T>>) => Promise<Result<T>>;

/** What the area shows above its panels: the configuration, and the fields main had to reset when reading it. */
async function readArea(
  reply: Reply,
): Promise<Result<{ config: StationConfig; resets: Output<'config.resetFields'> }>> {
  const config = await reply(api().config.get());
  if (!config.ok) return config;
  const resets = await reply(api().config.resetFields());
  return resets.ok ? { ok: true, value: { config: config.value, resets: resets.value } } : resets;
}

/**
 * '/referent': the référent area, open only after the référent PIN (access.referentSignIn). Its own panels come
 * first, then those other capabilities register in app/referent-panels.tsx.
 */
export function ReferentArea() {
  useTitle('Espace référent');
  const navigate = useNavigate();
  const referentCall = useReferentCall();
  const referentReply = useReferentReply();
  const [params, setParams] = useSearchParams();
  // Read again every 20 s: the area closes by itself (minutes without action, a mediator's sign-in, a session
  // start), and the screen then leaves (below).
  const status = useQuery('referent-status', () => api().access.status(), { refreshEvery: 20_000 });
  const signedIn = status.data?.referent.signedIn ?? (status.error ? false : null);
  const area = useQuery('referent-config', () => readArea(referentReply), { enabled: signedIn === true });

  useReferentActivity(signedIn === true);

  const { setData } = area;
  const context = useMemo<ConfigValue | null>(
    () =>
      area.data
        ? {
            config: area.data.config,
            async save(sections) {
              const config = await referentCall(api().config.saveSections({ sections }));
              setData((current) => current && { ...current, config });
              // A saved section is stored anew: its reset notice goes.
              const resets = await referentCall(api().config.resetFields());
              setData((current) => current && { ...current, resets });
            },
          }
        : null,
    [area.data, referentCall, setData],
  );

  // Closed at the first read (no sign-in, or the status unreadable): the sign-in screen. Closed after the area was
  // open (its configuration was read): the sign-in screen says why, unless the référent is leaving it already
  // ("Fermer l'espace référent" moved the address before this render).
  if (signedIn === false) {
    if (!referentAreaShown()) return null;
    return area.data || area.error ? (
      <Navigate to="/referent/connexion?raison=expiree" />
    ) : (
      <Navigate to="/referent/connexion" replace />
    );
  }

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
            void area.reload();
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
      {area.error && (
        <Alert severity="error" role="alert">
          {area.error.message}
        </Alert>
      )}
      <ResetFieldsNotice resets={area.data?.resets ?? []} />
      {!context ? (
        !area.error && <CircularProgress aria-label="Chargement" />
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
