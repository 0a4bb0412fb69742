import { describe, expect, it } from 'vitest';
import { SetupInputSchema } from '../../../preload/contract/access';
import {
  EMPTY_SETUP,
  setupProblem,
  setupRequest,
  type SetupForm,
} from '../../../renderer/src/features/config/setup-form';

const filled: SetupForm = {
  ...EMPTY_SETUP,
  name: 'France Services de Bitche',
  type: 'france-services',
  commune: 'Bitche',
  departement: '57',
  pin: '13572468',
  pinAgain: '13572468',
};

describe('the first-start assistant’s form', () => {
  it('says the first problem, in the order of the form', () => {
    expect(setupProblem(EMPTY_SETUP)).toBe('Donnez un nom au poste.');
    expect(setupProblem({ ...filled, name: '   ' })).toBe('Donnez un nom au poste.');
    expect(setupProblem({ ...filled, pin: '1234567', pinAgain: '1234567' })).toBe(
      'Le code du référent doit contenir de 8 à 12 chiffres.',
    );
    expect(setupProblem({ ...filled, pin: '1357246801357', pinAgain: '1357246801357' })).toBe(
      'Le code du référent doit contenir de 8 à 12 chiffres.',
    );
    expect(setupProblem({ ...filled, pinAgain: '13572460' })).toBe(
      'Les deux codes du référent ne sont pas identiques. Tapez-les de nouveau.',
    );
    expect(setupProblem({ ...filled, idleMinutes: '' })).toBe("Le délai d'inactivité doit être un nombre de minutes.");
    expect(setupProblem(filled)).toBeNull();
  });

  it('sends an unticked printer as disabled only, and an empty scan folder as none', () => {
    const request = setupRequest({ ...filled, printerInterface: 'tcp://10.0.0.9:9100', scanFolder: '  ' });
    expect(request.printer).toEqual({ enabled: false });
    expect(request.scan).toEqual({ folder: null });
    expect(request.session).toEqual({ idleMinutes: Number(EMPTY_SETUP.idleMinutes) });
    expect(request.referentPin).toBe('13572468');
    expect(request.station).toEqual({
      name: filled.name,
      type: 'france-services',
      commune: 'Bitche',
      departement: '57',
    });
  });

  it('sends a ticked printer with its type, address and width', () => {
    const request = setupRequest({
      ...filled,
      printerEnabled: true,
      printerType: 'star',
      printerInterface: 'tcp://127.0.0.1:9100',
      printerWidth: 32,
      scanFolder: ' /srv/scans ',
      idleMinutes: '7',
    });
    expect(request.printer).toEqual({ enabled: true, type: 'star', interface: 'tcp://127.0.0.1:9100', width: 32 });
    expect(request.scan).toEqual({ folder: '/srv/scans' });
    expect(request.session).toEqual({ idleMinutes: 7 });
  });

  it('builds requests the contract accepts, with and without a printer', () => {
    for (const form of [filled, { ...filled, printerEnabled: true, idleMinutes: '12' }]) {
      expect(setupProblem(form)).toBeNull();
      expect(SetupInputSchema.safeParse(setupRequest(form)).success).toBe(true);
    }
  });
});
