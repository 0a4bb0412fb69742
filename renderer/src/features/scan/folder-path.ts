import { scanContract } from '../../../../preload/api';

/** main's own rule for the folder to test (the contract's schema), read rather than copied. */
const FOLDER = scanContract['scan.testFolder'].input.shape.folder;

/** Why main would refuse to test this folder, said in words (main's refusal would only say "incorrecte"). */
export function folderProblem(folder: string): string | null {
  const length = folder.trim().length;
  if (length < (FOLDER.minLength ?? 1)) return 'Tapez le chemin du dossier.';
  if (FOLDER.maxLength !== null && length > FOLDER.maxLength)
    return `Ce chemin est trop long. Il a ${length} caractères, ${FOLDER.maxLength} au plus.`;
  return null;
}
