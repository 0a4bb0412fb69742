import { CONFIG_DEFAULTS, type Input, type StationConfig } from '../../../../preload/api';

/** What the first-start assistant (SetupScreen) holds while the référent fills it in. */
export interface SetupForm {
  name: string;
  type: StationConfig['station']['type'];
  commune: string;
  departement: string;
  pin: string;
  pinAgain: string;
  printerEnabled: boolean;
  printerType: StationConfig['printer']['type'];
  printerInterface: string;
  printerWidth: StationConfig['printer']['width'];
  scanFolder: string;
  /** As typed (digits only), so an empty box stays empty. */
  idleMinutes: string;
}

export const EMPTY_SETUP: SetupForm = {
  name: '',
  type: CONFIG_DEFAULTS.station.type,
  commune: '',
  departement: '',
  pin: '',
  pinAgain: '',
  printerEnabled: false,
  printerType: CONFIG_DEFAULTS.printer.type,
  printerInterface: 'tcp://192.168.1.100:9100',
  printerWidth: CONFIG_DEFAULTS.printer.width,
  scanFolder: '',
  idleMinutes: String(CONFIG_DEFAULTS.session.idleMinutes),
};

/**
 * The first problem of the form, said to the référent before anything is sent (main checks again, with the PIN's
 * strength rules), or null.
 */
export function setupProblem(form: SetupForm): string | null {
  if (!form.name.trim()) return 'Donnez un nom au poste.';
  if (!/^\d{8,12}$/.test(form.pin)) return 'Le code du référent doit contenir de 8 à 12 chiffres.';
  if (form.pin !== form.pinAgain) return 'Les deux codes du référent ne sont pas identiques. Tapez-les de nouveau.';
  if (!/^\d+$/.test(form.idleMinutes)) return "Le délai d'inactivité doit être un nombre de minutes.";
  return null;
}

/** The access.setup request of a form without problem: an unticked printer is sent as disabled only. */
export function setupRequest(form: SetupForm): Input<'access.setup'> {
  return {
    referentPin: form.pin,
    station: { name: form.name, type: form.type, commune: form.commune, departement: form.departement },
    printer: form.printerEnabled
      ? { enabled: true, type: form.printerType, interface: form.printerInterface, width: form.printerWidth }
      : { enabled: false },
    scan: { folder: form.scanFolder.trim() || null },
    session: { idleMinutes: Number(form.idleMinutes) },
  };
}
