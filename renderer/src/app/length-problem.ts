/** A string rule of the contract (a zod string's bounds), read rather than copied. */
export interface LengthRule {
  minLength: number | null;
  maxLength: number | null;
}

/**
 * Why main would refuse this text for its length, said in words before asking it (main's refusal would only say
 * "incorrecte"): `empty` when nothing is typed, `tooLong` followed by the length and the limit.
 */
export function lengthProblem(
  text: string,
  rule: LengthRule,
  words: { empty: string; tooLong: string },
): string | null {
  const length = text.trim().length;
  if (length < (rule.minLength ?? 1)) return words.empty;
  if (rule.maxLength !== null && length > rule.maxLength)
    return `${words.tooLong} Il a ${length} caractères, ${rule.maxLength} au plus.`;
  return null;
}
