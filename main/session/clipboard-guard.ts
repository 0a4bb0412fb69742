import { createHash } from 'node:crypto';

/** A fingerprint of clipboard text, so the service remembers what was there at start without keeping the text. */
export function clipboardFingerprint(text: string): string | null {
  if (!text) return null;
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Session text is whatever the clipboard holds now that it did not hold when the session started: it was copied
 * during the accompaniment (a numéro, an address). Text that was already there before is left alone.
 */
export function clipboardHoldsSessionText(current: string, atStart: string | null): boolean {
  if (!current) return false;
  return clipboardFingerprint(current) !== atStart;
}
