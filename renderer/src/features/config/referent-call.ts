import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { CallError, type Result } from '../../api';

/**
 * Unwraps a référent call like `call()`, and when the référent area has closed (left, idle, a mediator or a session) goes
 * back to the référent sign-in screen.
 */
export function useReferentCall(): <T>(promise: Promise<Result<T>>) => Promise<T> {
  const navigate = useNavigate();
  return useCallback(
    async <T>(promise: Promise<Result<T>>): Promise<T> => {
      const result = await promise;
      if (!result.ok) {
        if (result.error.code === 'referent_required') navigate('/referent/connexion?raison=expiree');
        throw new CallError(result.error);
      }
      return result.value;
    },
    [navigate],
  );
}

/**
 * The same rule for the data layer (useQuery / useAction take the reply itself): a closed référent area leads to
 * the référent sign-in screen, and the reply goes on unchanged.
 */
export function useReferentReply(): <T>(promise: Promise<Result<T>>) => Promise<Result<T>> {
  const navigate = useNavigate();
  return useCallback(
    async <T>(promise: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await promise;
      if (!result.ok && result.error.code === 'referent_required') navigate('/referent/connexion?raison=expiree');
      return result;
    },
    [navigate],
  );
}
