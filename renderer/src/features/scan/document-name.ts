import { scanContract } from '../../../../preload/api';
import { lengthProblem } from '../../app/length-problem';

/** main's own rule for a document's name (the contract's schema). */
const NAME = scanContract['scan.update'].input.shape.label.unwrap();

/** Why main would refuse this name, said in words before asking it. */
export function nameProblem(name: string): string | null {
  return lengthProblem(name, NAME, { empty: 'Tapez le nouveau nom du document.', tooLong: 'Ce nom est trop long.' });
}
