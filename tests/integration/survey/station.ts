import type { Platform } from '../../../main/platform';
import type { Services } from '../../../main/services';
import type { FakeClock } from '../../helpers/fake-clock';
import { openTestStation } from '../../helpers/station';

/** The real services of a station on a temp data dir (web platform unless one is given), with a settable clock. */
export function openStation(
  dataDir: string,
  options: { platform?: Partial<Platform>; clock?: FakeClock } = {},
): Services {
  return openTestStation(dataDir, options);
}
