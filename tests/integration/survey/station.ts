import { createServices, type Services } from '../../../main/services';
import type { Logger } from '../../../main/log';
import type { Platform } from '../../../main/platform';
import { TEST_PIN_COST } from '../../helpers/seed-station';

export const silentLog: Logger = { info() {}, warn() {}, error() {} };

/** The real services of a station on a temp data dir (web platform unless one is given), with a settable clock. */
export function openStation(
  dataDir: string,
  options: { platform?: Partial<Platform>; now?: () => number } = {},
): Services {
  const clock = options.now
    ? {
        now: options.now,
        setTimer: () => ({ id: null }),
        clearTimer: () => {},
      }
    : undefined;
  return createServices({
    pinCost: TEST_PIN_COST,
    dataDir,
    platform: { transport: 'web', appVersion: 'test', ...options.platform },
    log: silentLog,
    clock,
  });
}
