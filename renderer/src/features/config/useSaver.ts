import { CallError, type Result } from '../../api';
import { useAction } from '../../app/data';
import { errorText } from '../access/PinField';

const FAILED = "L'enregistrement n'a pas abouti. Réessayez.";

/**
 * A panel's save, for work written as a sequence of unwrapped calls (`call()`, `referentCall()`) that throws the
 * counter error: useAction's busy flag and outcome message over it. Resolves true when the work went through.
 */
export function useSaver(success = 'Enregistré.') {
  const action = useAction(
    async (work: () => Promise<string | void>): Promise<Result<string>> => {
      try {
        return { ok: true, value: (await work()) || success };
      } catch (caught) {
        // main's refusal keeps its code; a check of the screen's own (a plain Error) keeps its French text.
        if (caught instanceof CallError) return { ok: false, error: caught.error };
        return { ok: false, error: { code: 'invalid_input', message: errorText(caught, FAILED) } };
      }
    },
    // Every save goes through (two boxes ticked one after the other are two changes); the latest reply is shown.
    { success: (text) => text, overlap: 'latest' },
  );
  const run = async (work: () => Promise<string | void>): Promise<boolean> => (await action.run(work)) !== undefined;
  return { busy: action.busy, message: action.message, run };
}
