import { CounterFault } from '../errors';
import { MEDIATOR_PIN, REFERENT_PIN } from './pin-hash';

/**
 * What a PIN must be before it is hashed: digits only, at least 6 for a mediator and 8 for the référent (the
 * référent's opens the configuration), and not one of the PINs tried first by anyone guessing: one digit repeated,
 * a short block repeated (121212, 123123), a run up or down (123456, 987654, 345678…), a mirror (123321).
 * "Already used by another account" needs the stored hashes: main/access/service.ts checks it.
 */
const COMMON = new Set(['147258369', '159753', '258456', '147852', '142536', '101010', '696969', '20242025']);

export function trivialReason(pin: string): string | null {
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'il répète un seul chiffre';
  for (let block = 2; block <= pin.length / 2; block++) {
    if (pin.length % block === 0 && pin === pin.slice(0, block).repeat(pin.length / block)) {
      return 'il répète un même groupe de chiffres';
    }
  }
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return 'il suit les chiffres dans l’ordre';
  if (pin === [...pin].reverse().join('') && new Set(pin).size <= pin.length / 2)
    return 'il se lit pareil dans les deux sens';
  if (new Set(pin).size <= 2) return 'il n’utilise que deux chiffres différents';
  if (COMMON.has(pin)) return 'il fait partie des codes les plus essayés';
  return null;
}

function refuseTrivial(pin: string): void {
  const reason = trivialReason(pin);
  if (reason) {
    throw new CounterFault(
      'pin_trivial',
      `Ce code est trop facile à deviner : ${reason}. Choisissez des chiffres sans suite ni répétition.`,
    );
  }
}

export function checkMediatorPinFormat(pin: string): void {
  if (!MEDIATOR_PIN.test(pin)) {
    throw new CounterFault(
      'pin_format',
      'Le code du médiateur doit contenir de 6 à 12 chiffres, sans autre caractère.',
    );
  }
  refuseTrivial(pin);
}

export function checkReferentPinFormat(pin: string): void {
  if (!REFERENT_PIN.test(pin)) {
    throw new CounterFault('pin_format', 'Le code du référent doit contenir de 8 à 12 chiffres, sans autre caractère.');
  }
  refuseTrivial(pin);
}

export const PIN_TAKEN = new CounterFault(
  'pin_taken',
  'Ce code est déjà celui d’un autre compte de ce poste. Chaque compte doit avoir son propre code : choisissez-en un autre.',
);
