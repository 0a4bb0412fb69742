import type { Handlers } from '../dispatch';
import { NO_SESSION } from '../session/service';
import type { Services } from '../services';

type ScannerChannel = Extract<keyof Handlers, `scanner.${string}`>;

/** Référent channels check the référent sign-in; the mediator's need a running session. */
export function scannerHandlers(services: Services): Pick<Handlers, ScannerChannel> {
  const scanner = services.scanner;
  const referent = () => services.access.requireReferent();
  return {
    'scanner.discover': async () => {
      referent();
      return { scanners: await scanner.discover() };
    },
    'scanner.inspect': ({ address, fingerprint }) => {
      referent();
      return scanner.inspect(address, fingerprint);
    },
    'scanner.choose': ({ address, fingerprint }) => {
      referent();
      return scanner.choose(address, fingerprint);
    },
    'scanner.forget': () => {
      referent();
      scanner.forget();
      return { ok: true as const };
    },
    'scanner.state': () => {
      if (!services.sessions.current() && !services.access.isReferent()) throw NO_SESSION;
      return scanner.state();
    },
    'scanner.test': ({ source }) => {
      referent();
      return scanner.testScan(source);
    },
    'scanner.scan': (request) => scanner.scan(services.sessions.require(), request),
    'scanner.cancel': async () => {
      services.sessions.require();
      await scanner.cancel();
      return { ok: true as const };
    },
  };
}
