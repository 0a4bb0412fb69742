import type { Handlers } from '../dispatch';
import { setUpStation } from '../config/setup';
import type { Services } from '../services';

export function accessHandlers(
  services: Services,
): Pick<
  Handlers,
  | 'access.status'
  | 'access.setup'
  | 'access.signIn'
  | 'access.signOut'
  | 'access.referentSignIn'
  | 'access.referentSignOut'
  | 'access.referentActivity'
> {
  const { access } = services;
  return {
    'access.status': () => access.status(),
    'access.setup': async ({ referentPin, station, printer, scan, session }) => {
      await setUpStation(
        { store: access.store, config: services.config, journal: services.journal },
        { referentPin, sections: { station, printer, scan, session } },
        access.now(),
        access.pinCost,
      );
      return { ok: true as const };
    },
    'access.signIn': ({ pseudonym, pin }) => access.signIn(pseudonym, pin),
    'access.signOut': async () => {
      await access.signOut();
      return { ok: true as const };
    },
    'access.referentSignIn': ({ pin }) => access.referentSignIn(pin),
    'access.referentSignOut': () => {
      access.referentSignOut();
      return { ok: true as const };
    },
    // The gate (main/dispatch.ts) admitted a référent call: that alone keeps the area open.
    'access.referentActivity': () => ({ ok: true as const }),
  };
}
