/** French labels shared by the configuration screens. */
export const STATION_TYPES: Array<[string, string]> = [
  ['prefecture', 'Préfecture'],
  ['sous-prefecture', 'Sous-préfecture'],
  ['france-services', 'France Services'],
];
