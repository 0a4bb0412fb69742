/**
 * The one factory of a test station: the real services (createServices) on a data dir, web platform unless the test
 * gives one, the silent logger, and a clock only when the test needs to move time (tests/helpers/fake-clock.ts).
 * Capability folders wrap it with what their tests add (a running session, a printer section…).
 */
import { createDispatch, type CallContext, type Dispatch } from '../../main/dispatch';
import { createHandlers } from '../../main/handlers';
import { silentLogger, type Logger } from '../../main/log';
import type { Platform } from '../../main/platform';
import { createServices, type Services } from '../../main/services';
import type { Clock } from '../../main/session/clock';
import { TEST_PIN_COST } from './seed-station';

export interface TestStationOptions {
  platform?: Partial<Platform>;
  clock?: Clock;
  log?: Logger;
}

export function openTestStation(dataDir: string, options: TestStationOptions = {}): Services {
  return createServices({
    pinCost: TEST_PIN_COST,
    dataDir,
    platform: { transport: 'web', appVersion: 'test', ...options.platform },
    log: options.log ?? silentLogger,
    clock: options.clock,
  });
}

/**
 * The real dispatcher over a test station's services (the handlers, the access gate, the contract's schemas): what
 * main/ipc.ts and main/web-host.ts call. Give the station's file logger when the test reads the logs.
 */
export function stationDispatch(services: Services, log: Logger = silentLogger): Dispatch {
  return createDispatch(createHandlers(services), log, services.access);
}

/** The same dispatcher bound to one transport (the web host's by default): `call(channel, input)`. */
export function stationCall(
  services: Services,
  options: { log?: Logger; transport?: CallContext['transport'] } = {},
): (channel: string, input?: unknown) => ReturnType<Dispatch> {
  const dispatch = stationDispatch(services, options.log);
  const context: CallContext = { transport: options.transport ?? 'web' };
  return (channel, input) => dispatch(channel, input, context);
}
