import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Link,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, Link as RouterLink, useNavigate } from 'react-router';
import type { AccessStatus } from '../../../../preload/api';
import { api, call } from '../../api';
import { useSession } from '../session/SessionContext';
import { errorText, PinField } from './PinField';
import { useTitle } from './useTitle';

/** '/connexion': the mediator chooses their pseudonym and types their PIN. */
export function SignInScreen() {
  useTitle('Connexion');
  const navigate = useNavigate();
  const session = useSession();
  const [status, setStatus] = useState<AccessStatus | null>(null);
  const [pseudonym, setPseudonym] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api()
      .access.status()
      .then((result) => {
        if (!result.ok) return setError(result.error.message);
        setStatus(result.value);
        if (result.value.mediators.length === 1) setPseudonym(result.value.mediators[0]!);
      });
  }, []);

  if (status && !status.setUp) return <Navigate to="/installation" replace />;
  if (status?.mediator) return <Navigate to="/accueil" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pseudonym) return setError('Choisissez votre pseudonyme dans la liste.');
    if (!pin) return setError('Tapez votre code PIN.');
    setBusy(true);
    setError(null);
    try {
      await call(api().access.signIn({ pseudonym, pin }));
      setPin('');
      await session.refresh().catch(() => undefined);
      navigate('/accueil');
    } catch (caught) {
      setPin('');
      setError(errorText(caught, "La connexion n'a pas abouti. Réessayez."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 560 }}>
      <Typography variant="h1">Connexion du médiateur</Typography>
      {!status ? (
        <CircularProgress aria-label="Chargement" />
      ) : status.mediators.length === 0 ? (
        <Alert severity="info">
          Aucun médiateur n'est enregistré sur ce poste. Le référent numérique doit d'abord en ajouter dans l'espace
          référent.
        </Alert>
      ) : (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
            <Stack spacing={3}>
              <FormControl component="fieldset">
                <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary', mb: 1 }}>
                  Votre pseudonyme
                </FormLabel>
                <RadioGroup name="pseudonym" value={pseudonym} onChange={(event) => setPseudonym(event.target.value)}>
                  {status.mediators.map((name) => (
                    <FormControlLabel
                      key={name}
                      value={name}
                      control={<Radio />}
                      label={name}
                      sx={{ '& .MuiFormControlLabel-label': { fontSize: '1.15rem' } }}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              <PinField
                label="Votre code PIN"
                value={pin}
                onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
                required
              />
              {error && (
                <Alert severity="error" role="alert" data-testid="sign-in-error">
                  {error}
                </Alert>
              )}
              <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
                Se connecter
              </Button>
            </Stack>
          </Box>
        </Paper>
      )}
      <Link component={RouterLink} to="/referent/connexion" sx={{ alignSelf: 'flex-start' }}>
        Espace référent
      </Link>
    </Stack>
  );
}
