import { describe, expect, it } from 'vitest';
import { checkMediatorPinFormat, checkReferentPinFormat, trivialReason } from '../../../main/access/pin-policy';

function refusal(check: (pin: string) => void, pin: string): { code: string; userMessage: string } | null {
  try {
    check(pin);
    return null;
  } catch (error) {
    return error as { code: string; userMessage: string };
  }
}

describe('PIN policy', () => {
  it('wants at least 6 digits for a mediator and 8 for the référent', () => {
    expect(refusal(checkMediatorPinFormat, '4829')?.userMessage).toContain('de 6 à 12 chiffres');
    expect(refusal(checkMediatorPinFormat, '48291a')?.code).toBe('pin_format');
    expect(refusal(checkMediatorPinFormat, '482915')).toBeNull();
    expect(refusal(checkReferentPinFormat, '482915')?.userMessage).toContain('de 8 à 12 chiffres');
    expect(refusal(checkReferentPinFormat, '48291573')).toBeNull();
  });

  it.each([
    ['000000', 'un seul chiffre'],
    ['00000000', 'un seul chiffre'],
    ['121212', 'même groupe'],
    ['123123', 'même groupe'],
    ['123456', 'dans l’ordre'],
    ['12345678', 'dans l’ordre'],
    ['987654', 'dans l’ordre'],
    ['345678', 'dans l’ordre'],
    ['890123', 'dans l’ordre'],
    ['123321', 'deux sens'],
    ['112122', 'deux chiffres'],
    ['159753', 'les plus essayés'],
  ])('refuses the trivial PIN %s with a French reason', (pin, reason) => {
    expect(trivialReason(pin)).toContain(reason);
    const fault = refusal(pin.length >= 8 ? checkReferentPinFormat : checkMediatorPinFormat, pin);
    expect(fault?.code).toBe('pin_trivial');
    expect(fault?.userMessage).toMatch(/^Ce code est trop facile à deviner : /);
  });

  it.each(['482915', '739264', '615283', '24681357', '31415926'])('accepts %s', (pin) => {
    expect(trivialReason(pin)).toBeNull();
  });
});
