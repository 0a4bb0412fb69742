import { Alert, Box, Button, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ScannerDescription, ScannerState } from '../../../../preload/api';
import { api } from '../../api';
import { ResultMessage, type ResultText } from '../../app/ResultMessage';
import { useReferentCall } from '../config/referent-call';
import { ScannerCapabilities } from './ScannerCapabilities';

type Candidate = { name: string; address: string; tls: boolean };

/**
 * Référent: the counter's network scanner (eSCL). Find it on the network or type its address, read what it can
 * do, accept its certificate fingerprint once if it is self-signed, choose it (pinned by its UUID), test it.
 */
export function ScannerPanel() {
  const referentCall = useReferentCall();
  const [current, setCurrent] = useState<ScannerState | null>(null);
  const [address, setAddress] = useState('');
  const [found, setFound] = useState<ScannerDescription | null>(null);
  const [untrusted, setUntrusted] = useState<{ fingerprint: string; message: string } | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [test, setTest] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ResultText | null>(null);
  const result = useRef<HTMLDivElement>(null);

  const refresh = () =>
    referentCall(api().scanner.state()).then(setCurrent, (caught: Error) =>
      setMessage({ ok: false, text: caught.message }),
    );
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const act = async (name: string, work: () => Promise<ResultText | null>) => {
    setBusy(name);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (caught) {
      setMessage({ ok: false, text: caught instanceof Error ? caught.message : "L'action n'a pas pu être faite." });
    } finally {
      setBusy(null);
      result.current?.focus();
    }
  };

  const inspect = (target: string, fingerprint: string | null) =>
    act('inspect', async () => {
      setFound(null);
      setTest(null);
      const reply = await referentCall(api().scanner.inspect({ address: target, fingerprint }));
      if (reply.state === 'untrusted') {
        setUntrusted({ fingerprint: reply.fingerprint, message: reply.message });
        return null;
      }
      setUntrusted(null);
      setAccepted(fingerprint);
      setFound(reply.scanner);
      return { ok: true, text: 'Le scanner a répondu. Vérifiez ses capacités, puis choisissez-le.' };
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void inspect(address, null);
  };

  const choose = () =>
    act('choose', async () => {
      setCurrent(await referentCall(api().scanner.choose({ address: found!.address, fingerprint: accepted })));
      setFound(null);
      return { ok: true, text: 'Ce scanner est maintenant celui du poste.' };
    });

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h2">Scanner réseau (numérisation directe)</Typography>
      <Typography variant="body2">
        Les copieurs récents savent numériser directement vers l'application (« AirScan », eSCL), sans dossier partagé :
        les pages ne sont jamais enregistrées en clair sur le poste.
      </Typography>

      <Box component="section" aria-labelledby="scanner-current">
        <Typography id="scanner-current" variant="h3" sx={{ fontSize: '1.3rem', mb: 1 }}>
          Scanner du poste
        </Typography>
        {!current ? null : !current.configured ? (
          <Alert severity="info">
            Aucun scanner réseau n'est choisi. Les médiateurs utilisent le dossier ou le choix de fichiers.
          </Alert>
        ) : (
          <Stack spacing={1}>
            {current.problem ? (
              <Alert severity="error">{current.problem.message}</Alert>
            ) : (
              current.scanner && <ScannerCapabilities scanner={current.scanner} />
            )}
            <Stack direction="row" spacing={1}>
              <Button
                variant="contained"
                disabled={busy !== null}
                onClick={() =>
                  void act('test', async () => {
                    const page = await referentCall(api().scanner.test({}));
                    setTest(page.dataUrl);
                    return { ok: true, text: 'Le scanner fonctionne : voici la page de test (elle n’est pas gardée).' };
                  })
                }
              >
                {busy === 'test' ? 'Numérisation de test…' : 'Tester le scanner'}
              </Button>
              <Button
                variant="outlined"
                disabled={busy !== null}
                onClick={() =>
                  void act('forget', async () => {
                    await referentCall(api().scanner.forget());
                    await refresh();
                    setTest(null);
                    return { ok: true, text: 'Le scanner réseau n’est plus utilisé.' };
                  })
                }
              >
                Ne plus utiliser ce scanner
              </Button>
            </Stack>
          </Stack>
        )}
      </Box>

      <Box component="section" aria-labelledby="scanner-find">
        <Typography id="scanner-find" variant="h3" sx={{ fontSize: '1.3rem', mb: 1 }}>
          Choisir un scanner
        </Typography>
        <Stack spacing={2}>
          <Box>
            <Button
              variant="outlined"
              disabled={busy !== null}
              onClick={() =>
                void act('discover', async () => {
                  const reply = await referentCall(api().scanner.discover());
                  setCandidates(reply.scanners);
                  return reply.scanners.length === 0
                    ? { ok: false, text: "Aucun scanner ne s'est annoncé sur le réseau. Tapez son adresse ci-dessous." }
                    : null;
                })
              }
            >
              {busy === 'discover' ? 'Recherche…' : 'Rechercher les scanners du réseau'}
            </Button>
            {candidates && candidates.length > 0 && (
              <List aria-label="Scanners trouvés sur le réseau">
                {candidates.map((candidate) => (
                  <ListItem
                    key={candidate.address}
                    secondaryAction={
                      <Button
                        onClick={() => {
                          setAddress(candidate.address);
                          void inspect(candidate.address, null);
                        }}
                      >
                        Lire ses capacités
                      </Button>
                    }
                  >
                    <ListItemText primary={candidate.name} secondary={candidate.address} />
                  </ListItem>
                ))}
              </List>
            )}
          </Box>
          <Box component="form" noValidate onSubmit={submit}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label="Adresse du scanner"
                value={address}
                onChange={(event) => setAddress(event.target.value)}
                helperText="Par exemple http://192.168.1.20/eSCL ou https://copieur.local/eSCL"
                sx={{ flex: 1 }}
              />
              <Button type="submit" variant="outlined" disabled={busy !== null || address.trim() === ''} sx={{ mt: 1 }}>
                Lire ses capacités
              </Button>
            </Stack>
          </Box>
          {untrusted && (
            <Alert
              severity="warning"
              action={
                <Button color="inherit" onClick={() => void inspect(address, untrusted.fingerprint)}>
                  Accepter cette empreinte
                </Button>
              }
            >
              {untrusted.message}
              <Box
                component="code"
                sx={{ display: 'block', mt: 1, wordBreak: 'break-all' }}
                data-testid="scanner-fingerprint"
              >
                {untrusted.fingerprint}
              </Box>
            </Alert>
          )}
          {found && (
            <Stack spacing={1} data-testid="scanner-found">
              <ScannerCapabilities scanner={found} />
              <Box>
                <Button variant="contained" onClick={() => void choose()} disabled={busy !== null}>
                  Choisir ce scanner
                </Button>
              </Box>
            </Stack>
          )}
        </Stack>
      </Box>

      <div ref={result} tabIndex={-1}>
        <ResultMessage message={message} testId="scanner-result" />
      </div>
      {test && <img src={test} alt="Page de test du scanner" style={{ maxWidth: 300, border: '1px solid #ccc' }} />}
    </Stack>
  );
}
