import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../preload/api';

export const StationContext = createContext<AppInfo | null>(null);

/** The station's identity (name, version, data dir), read once at start through app.info. */
export function useStation(): AppInfo {
  const info = useContext(StationContext);
  if (!info) throw new Error('useStation outside StationContext');
  return info;
}
