import { Alert, AlertTitle } from '@mui/material';

/** Said at the sign-in step: the usager signs in to their own account; a service-civique mediator may not act in their name. */
export function OwnAccountNotice() {
  return (
    <Alert severity="warning" data-testid="own-account-notice">
      <AlertTitle>C'est vous qui vous connectez</AlertTitle>
      Vous utilisez votre propre compte (ANTS ou FranceConnect). Vous tapez vous-même votre identifiant et votre mot de
      passe. Le médiateur vous aide, mais il n'a pas le droit d'agir en votre nom. Ce poste ne garde aucun mot de passe.
    </Alert>
  );
}
