import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api';
import { errorText, PinField } from './PinField';
import { useTitle } from './useTitle';

/** '/referent/connexion': only the référent's PIN opens the référent area (a mediator's PIN never does). */
export function ReferentSignInScreen() {
  useTitle('Connexion du référent');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // No shortcut to the référent area when it is still open: this screen always asks the PIN.

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin) return setError('Tapez le code du référent.');
    setBusy(true);
    setError(null);
    try {
      await call(api().access.referentSignIn({ pin }));
      setPin('');
      navigate('/referent');
    } catch (caught) {
      setPin('');
      setError(errorText(caught, "L'espace référent n'a pas pu s'ouvrir. Réessayez."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 560 }}>
      <Typography variant="h1">Espace référent : connexion</Typography>
      {params.get('raison') === 'expiree' && (
        <Alert severity="info">
          L'espace référent s'est fermé (après quelques minutes sans action, ou quand un médiateur s'est connecté ou
          qu'un accompagnement a commencé). Saisissez de nouveau le code.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
          <Stack spacing={3}>
            <Typography>
              Cet espace sert à configurer le poste. Il est réservé au référent numérique, avec son propre code.
            </Typography>
            <PinField
              label="Code du référent"
              value={pin}
              onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
              required
            />
            {error && (
              <Alert severity="error" role="alert" data-testid="referent-sign-in-error">
                {error}
              </Alert>
            )}
            <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
              Ouvrir l'espace référent
            </Button>
          </Stack>
        </Box>
      </Paper>
      <Link component={RouterLink} to="/" sx={{ alignSelf: 'flex-start' }}>
        Retour à l'accueil du poste
      </Link>
    </Stack>
  );
}
