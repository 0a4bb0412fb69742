import { z } from 'zod';
import type { Settings } from './settings';

export const DEFAULT_STATION_NAME = 'Point numérique';

export function stationName(settings: Settings): string {
  return settings.get('station.name', z.string().min(1).max(120), DEFAULT_STATION_NAME);
}
