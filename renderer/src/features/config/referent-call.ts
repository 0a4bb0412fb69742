import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { CallError, type Result } from '../../api';
import { REFERENT_PATH } from './referent-presence';

/**
 * Whether the référent area is still the screen shown. Read from the address itself (HashRouter moves it at once
 * on navigate, before React re-renders): a reply still on its way when the référent pressed "Fermer l'espace
 * référent" is refused by main (the area just closed) and must not pull the counter back to "L'espace référent
 * s'est fermé".
 */
export function referentAreaShown(): boolean {
  return window.location.hash.replace(/^#/, '').split('?')[0] === REFERENT_PATH;
}

function useAreaClosed(): () => void {
  const navigate = useNavigate();
  return useCallback(() => {
    if (referentAreaShown()) navigate('/referent/connexion?raison=expiree');
  }, [navigate]);
}

/**
 * Unwraps a référent call like `call()`, and when the référent area has closed (left, idle, a mediator or a session) goes
 * back to the référent sign-in screen.
 */
export function useReferentCall(): <T>(promise: Promise<Result<T>>) => Promise<T> {
  const areaClosed = useAreaClosed();
  return useCallback(
    async <T>(promise: Promise<Result<T>>): Promise<T> => {
      const result = await promise;
      if (!result.ok) {
        if (result.error.code === 'referent_required') areaClosed();
        throw new CallError(result.error);
      }
      return result.value;
    },
    [areaClosed],
  );
}

/**
 * The same rule for the data layer (useQuery / useAction take the reply itself): a closed référent area leads to
 * the référent sign-in screen, and the reply goes on unchanged.
 */
export function useReferentReply(): <T>(promise: Promise<Result<T>>) => Promise<Result<T>> {
  const areaClosed = useAreaClosed();
  return useCallback(
    async <T>(promise: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await promise;
      if (!result.ok && result.error.code === 'referent_required') areaClosed();
      return result;
    },
    [areaClosed],
  );
}
