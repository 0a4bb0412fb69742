import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export function appHandlers(services: Services): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      version: services.platform.appVersion,
      stationName: services.config.section('station').name,
      dataDir: services.dataDir,
      transport: services.platform.transport,
    }),
  };
}
