import type { Services } from '../../../main/services';
import type { Platform } from '../../../main/platform';
import { FakeClock } from '../../helpers/fake-clock';
import { openTestStation } from '../../helpers/station';

/** A clipboard that behaves like the system one, for the desktop platform of these tests. */
export class TestClipboard {
  text = '';
  readText() {
    return this.text;
  }
  clear() {
    this.text = '';
  }
}

export interface TestStation {
  services: Services;
  clock: FakeClock;
  clipboard: TestClipboard;
  events: Array<{ name: string; payload: unknown }>;
  renderersReplaced: number;
}

/** The real services on a data dir, with a fake clock and a desktop-like platform (clipboard, renderer). */
export function openStation(dataDir: string, options: { desktop?: boolean } = {}): TestStation {
  const clock = new FakeClock();
  const clipboard = new TestClipboard();
  const station = { clock, clipboard, events: [], renderersReplaced: 0 } as unknown as TestStation;
  const platform: Platform = { transport: options.desktop === false ? 'web' : 'electron', appVersion: 'test' };
  if (options.desktop !== false) {
    platform.clipboard = clipboard;
    platform.replaceRenderer = async () => {
      station.renderersReplaced++;
    };
  }
  station.services = openTestStation(dataDir, { platform, clock });
  station.services.bus.attach((name, payload) => station.events.push({ name, payload }));
  return station;
}

export const CAMILLE = { id: 1, pseudonym: 'Camille' };
