import type { ResultText } from '../../app/ResultMessage';
import type { ScanImportResult } from './types';

/**
 * What an import said to the mediator: the refusals' reasons, or how many documents came in; nothing when nothing
 * happened (an empty pick). `stillRefused`: a waiting file retried and refused again (its reason is in the list).
 */
export function importMessage(outcome: ScanImportResult, stillRefused = false): ResultText | null {
  if (stillRefused)
    return { ok: false, text: "Le fichier n'a toujours pas pu être importé. La raison est écrite dans la liste." };
  if (outcome.refused.length > 0) return { ok: false, text: outcome.refused.map((item) => item.message).join(' ') };
  const count = outcome.imported.length;
  if (count > 0)
    return { ok: true, text: count === 1 ? 'Le document a été importé.' : `${count} documents ont été importés.` };
  return null;
}
