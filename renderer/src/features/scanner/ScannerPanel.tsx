import { Alert, Box, Button, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import type { ScannerDescription } from '../../../../preload/api';
import { api } from '../../api';
import { refusal, useAction, useQuery } from '../../app/data';
import { ResultMessage } from '../../app/ResultMessage';
import { useReferentReply } from '../config/referent-call';
import { ScannerCapabilities } from './ScannerCapabilities';

type Candidate = { name: string; address: string; tls: boolean };
type Step = 'inspect' | 'choose' | 'test' | 'forget' | 'discover';

/**
 * Référent: the counter's network scanner (eSCL). Find it on the network or type its address, read what it can
 * do, accept its certificate fingerprint once if it is self-signed, choose it (pinned by its UUID), test it.
 */
export function ScannerPanel() {
  const referentReply = useReferentReply();
  const current = useQuery('scanner-state', () => referentReply(api().scanner.state()));
  const [address, setAddress] = useState('');
  const [found, setFound] = useState<ScannerDescription | null>(null);
  const [untrusted, setUntrusted] = useState<{ fingerprint: string; message: string } | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [test, setTest] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);

  const inspecting = useAction(
    async (target: string, fingerprint: string | null) => {
      const reply = await referentReply(api().scanner.inspect({ address: target, fingerprint }));
      if (!reply.ok) return reply;
      if (reply.value.state === 'untrusted') {
        setUntrusted({ fingerprint: reply.value.fingerprint, message: reply.value.message });
      } else {
        // The fingerprint this answer was read with is the one to pin when the scanner is chosen.
        setUntrusted(null);
        setAccepted(fingerprint);
        setFound(reply.value.scanner);
      }
      return reply;
    },
    {
      success: (reply) =>
        reply.state === 'untrusted' ? null : 'Le scanner a répondu. Vérifiez ses capacités, puis choisissez-le.',
    },
  );
  const choosing = useAction(
    () =>
      found
        ? referentReply(api().scanner.choose({ address: found.address, fingerprint: accepted }))
        : Promise.resolve(refusal("Lisez d'abord les capacités du scanner.")),
    {
      success: 'Ce scanner est maintenant celui du poste.',
      onSuccess: (state) => {
        current.setData(state);
        setFound(null);
      },
    },
  );
  const testing = useAction(() => referentReply(api().scanner.test({})), {
    success: 'Le scanner fonctionne : voici la page de test (elle n’est pas gardée).',
    onSuccess: (page) => setTest(page.dataUrl),
  });
  const forgetting = useAction(() => referentReply(api().scanner.forget()), {
    success: 'Le scanner réseau n’est plus utilisé.',
    onSuccess: async () => {
      await current.reload();
      setTest(null);
    },
  });
  const discovering = useAction(async () => {
    const reply = await referentReply(api().scanner.discover());
    if (!reply.ok) return reply;
    setCandidates(reply.value.scanners);
    return reply.value.scanners.length === 0
      ? refusal("Aucun scanner ne s'est annoncé sur le réseau. Tapez son adresse ci-dessous.")
      : reply;
  });
  const steps = { inspect: inspecting, choose: choosing, test: testing, forget: forgetting, discover: discovering };
  // One place says what the last action did (or why the scanner's state cannot be read).
  const [last, setLast] = useState<Step | null>(null);
  const busy = (Object.keys(steps) as Step[]).find((step) => steps[step].busy) ?? null;
  const message = (last && steps[last].message) ?? (current.error ? { ok: false, text: current.error.message } : null);

  /** Runs one step; its outcome then takes the focus, next to the buttons. */
  const act = async <A extends unknown[]>(step: Step, run: (...args: A) => Promise<unknown>, ...args: A) => {
    setLast(step);
    await run(...args);
    result.current?.focus();
  };
  const inspect = (target: string, fingerprint: string | null) => {
    setFound(null);
    setTest(null);
    return act('inspect', inspecting.run, target, fingerprint);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void inspect(address, null);
  };

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
        {!current.data ? null : !current.data.configured ? (
          <Alert severity="info">
            Aucun scanner réseau n'est choisi. Les médiateurs utilisent le dossier ou le choix de fichiers.
          </Alert>
        ) : (
          <Stack spacing={1}>
            {current.data.problem ? (
              <Alert severity="error">{current.data.problem.message}</Alert>
            ) : (
              current.data.scanner && <ScannerCapabilities scanner={current.data.scanner} />
            )}
            <Stack direction="row" spacing={1}>
              <Button variant="contained" disabled={busy !== null} onClick={() => void act('test', testing.run)}>
                {busy === 'test' ? 'Numérisation de test…' : 'Tester le scanner'}
              </Button>
              <Button variant="outlined" disabled={busy !== null} onClick={() => void act('forget', forgetting.run)}>
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
            <Button variant="outlined" disabled={busy !== null} onClick={() => void act('discover', discovering.run)}>
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
                <Button variant="contained" onClick={() => void act('choose', choosing.run)} disabled={busy !== null}>
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
