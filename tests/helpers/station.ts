/**
 * The one factory of a test station: the real services (createServices) on a data dir, web platform unless the test
 * gives one, the silent logger, and a clock only when the test needs to move time (tests/helpers/fake-clock.ts).
 * Capability folders wrap it with what their tests add (a running session, a printer section…).
 */
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
