import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type ScannerChannel = Extract<keyof Handlers, `scanner.${string}`>;

/** The référent's channels and the mediator's: their access levels are in the contract (checked by the dispatcher). */
export function scannerHandlers(services: Services): Pick<Handlers, ScannerChannel> {
  const scanner = services.scanner;
  return {
    'scanner.discover': async () => {
      return { scanners: await scanner.discover() };
    },
    'scanner.inspect': ({ address, fingerprint }) => {
      return scanner.inspect(address, fingerprint);
    },
    'scanner.choose': ({ address, fingerprint }) => {
      return scanner.choose(address, fingerprint);
    },
    'scanner.forget': () => {
      scanner.forget();
      return { ok: true as const };
    },
    'scanner.state': () => scanner.state(),
    'scanner.test': ({ source }) => {
      return scanner.testScan(source);
    },
    'scanner.scan': (request) => scanner.scan(services.sessions.require(), request),
    'scanner.cancel': async () => {
      await scanner.cancel();
      return { ok: true as const };
    },
  };
}
