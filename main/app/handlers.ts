import type { Handlers } from '../dispatch';
import { CounterFault } from '../errors';
import type { Services } from '../services';

const NOTHING_TO_CLOSE = new CounterFault(
  'nothing_to_close',
  "Ce poste n'a pas de fenêtre à fermer ici : fermez l'onglet du navigateur.",
);

export function appHandlers(services: Services): Pick<Handlers, 'app.info' | 'app.confirmClose'> {
  return {
    'app.info': () => ({
      version: services.platform.appVersion,
      stationName: services.config.section('station').name,
      dataDir: services.dataDir,
      transport: services.platform.transport,
    }),
    'app.confirmClose': async ({ pin, who }) => {
      const close = services.platform.closeCounter;
      if (!close) throw NOTHING_TO_CLOSE;
      if (who === 'mediator') await services.access.confirmMediatorPin(pin);
      else await services.access.confirmReferentPin(pin);
      services.log.info('app.close_confirmed', { who });
      close();
      return { ok: true as const };
    },
  };
}
