import type { StationConfig } from '../../../../preload/api';

/** French labels shared by the configuration screens. */
export const STATION_TYPES: Array<[StationConfig['station']['type'], string]> = [
  ['prefecture', 'Préfecture'],
  ['sous-prefecture', 'Sous-préfecture'],
  ['france-services', 'France Services'],
];

/**
 * The allowed value a select or radio group sent back (MUI hands over a string, or the number it was given), or
 * `current` when it is none of them: the form's state keeps the configuration's own type, without a cast.
 */
export function choiceOf<T extends string | number>(allowed: readonly T[], raw: unknown, current: T): T {
  return allowed.find((value) => String(value) === String(raw)) ?? current;
}
