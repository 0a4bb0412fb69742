import { useState } from 'react';
import { errorText } from '../access/PinField';

/** Runs a save, keeping the busy flag and the French outcome message of a panel. */
export function useSaver(success = 'Enregistré.') {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (work: () => Promise<string | void>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await work();
      setMessage({ ok: true, text: text || success });
      return true;
    } catch (caught) {
      setMessage({ ok: false, text: errorText(caught, "L'enregistrement n'a pas abouti. Réessayez.") });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run, setMessage };
}
