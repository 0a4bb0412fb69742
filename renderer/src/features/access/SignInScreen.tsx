import {
  Alert,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Link,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Navigate, Link as RouterLink, useNavigate } from 'react-router';
import { api } from '../../api';
import { refusal, useAction, useQuery } from '../../app/data';
import { useSession } from '../session/SessionContext';
import { PinField } from './PinField';
import { SignInForm } from './SignInForm';
import { useTitle } from './useTitle';

/** '/connexion': the mediator chooses their pseudonym and types their PIN. */
export function SignInScreen() {
  useTitle('Connexion');
  const navigate = useNavigate();
  const session = useSession();
  const access = useQuery('status', () => api().access.status());
  const status = access.data ?? null;
  const [chosen, setPseudonym] = useState('');
  // The only mediator of the station is chosen for them.
  const pseudonym = chosen || (status?.mediators.length === 1 ? status.mediators[0]! : '');
  const [pin, setPin] = useState('');
  const signIn = useAction(
    async () => {
      if (!pseudonym) return refusal('Choisissez votre pseudonyme dans la liste.');
      if (!pin) return refusal('Tapez votre code PIN.');
      const reply = await api().access.signIn({ pseudonym, pin });
      setPin('');
      return reply;
    },
    {
      onSuccess: async () => {
        await session.refresh().catch(() => undefined);
        navigate('/accueil');
      },
    },
  );

  if (status && !status.setUp) return <Navigate to="/installation" replace />;
  if (status?.mediator) return <Navigate to="/accueil" replace />;

  return (
    <Stack spacing={3} sx={{ maxWidth: 560 }}>
      <Typography variant="h1">Connexion du médiateur</Typography>
      {access.error && !status && (
        <Alert severity="error" role="alert">
          {access.error.message}
        </Alert>
      )}
      {!status ? (
        !access.error && <CircularProgress aria-label="Chargement" />
      ) : status.mediators.length === 0 ? (
        <Alert severity="info">
          Aucun médiateur n'est enregistré sur ce poste. Le référent numérique doit d'abord en ajouter dans l'espace
          référent.
        </Alert>
      ) : (
        <SignInForm action={signIn} submitLabel="Se connecter" errorTestId="sign-in-error">
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
        </SignInForm>
      )}
      <Link component={RouterLink} to="/referent/connexion" sx={{ alignSelf: 'flex-start' }}>
        Espace référent
      </Link>
    </Stack>
  );
}
