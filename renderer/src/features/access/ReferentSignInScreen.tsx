import { Alert, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { refusal, useAction } from '../../app/data';
import { PinField } from './PinField';
import { SignInForm } from './SignInForm';
import { useTitle } from './useTitle';

/** '/referent/connexion': only the référent's PIN opens the référent area (a mediator's PIN never does). */
export function ReferentSignInScreen() {
  useTitle('Connexion du référent');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [pin, setPin] = useState('');
  // No shortcut to the référent area when it is still open: this screen always asks the PIN.
  const signIn = useAction(
    async () => {
      if (!pin) return refusal('Tapez le code du référent.');
      const reply = await api().access.referentSignIn({ pin });
      setPin('');
      return reply;
    },
    { onSuccess: () => navigate('/referent') },
  );

  return (
    <Stack spacing={3} sx={{ maxWidth: 560 }}>
      <Typography variant="h1">Espace référent : connexion</Typography>
      {params.get('raison') === 'expiree' && (
        <Alert severity="info">
          L'espace référent s'est fermé (après quelques minutes sans action, ou quand un médiateur s'est connecté ou
          qu'un accompagnement a commencé). Saisissez de nouveau le code.
        </Alert>
      )}
      <SignInForm action={signIn} submitLabel="Ouvrir l'espace référent" errorTestId="referent-sign-in-error">
        <Typography>
          Cet espace sert à configurer le poste. Il est réservé au référent numérique, avec son propre code.
        </Typography>
        <PinField
          label="Code du référent"
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          required
        />
      </SignInForm>
      <Link component={RouterLink} to="/" sx={{ alignSelf: 'flex-start' }}>
        Retour à l'accueil du poste
      </Link>
    </Stack>
  );
}
