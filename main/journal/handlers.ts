import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { JOURNAL_CODES, type JournalCode } from './codes';

/** The référent reads the journal (read only: there is no channel that changes it). */
export function journalHandlers(services: Services): Pick<Handlers, 'journal.list'> {
  return {
    'journal.list': ({ code, from, to, limit }) => {
      const known = code && (JOURNAL_CODES as readonly string[]).includes(code) ? (code as JournalCode) : undefined;
      const entries = code && !known ? [] : services.journal.list({ code: known, from, to, limit });
      return { entries, codes: [...JOURNAL_CODES], chain: services.journal.checkChain() };
    },
  };
}
