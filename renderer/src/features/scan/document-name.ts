import { scanContract } from '../../../../preload/api';

/** main's own rule for a document's name (the contract's schema), read rather than copied. */
const NAME = scanContract['scan.update'].input.shape.label.unwrap();

/** Why main would refuse this name, said in words before asking it (main's refusal would only say "incorrecte"). */
export function nameProblem(name: string): string | null {
  const length = name.trim().length;
  if (length < (NAME.minLength ?? 1)) return 'Tapez le nouveau nom du document.';
  if (NAME.maxLength !== null && length > NAME.maxLength)
    return `Ce nom est trop long. Il a ${length} caractères, ${NAME.maxLength} au plus.`;
  return null;
}
