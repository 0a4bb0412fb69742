import { scanContract } from '../../../../preload/api';
import { lengthProblem } from '../../app/length-problem';

/** main's own rule for the folder to test (the contract's schema). */
const FOLDER = scanContract['scan.testFolder'].input.shape.folder;

/** Why main would refuse to test this folder, said in words before asking it. */
export function folderProblem(folder: string): string | null {
  return lengthProblem(folder, FOLDER, { empty: 'Tapez le chemin du dossier.', tooLong: 'Ce chemin est trop long.' });
}
