import { createContext, useContext } from 'react';
import type { SectionPatches, StationConfig } from '../../../../preload/api';

export interface ConfigValue {
  config: StationConfig;
  /**
   * Saves some fields of one or more sections in one call (main merges them over what is stored, in one
   * transaction); throws CallError with the French message.
   */
  save(sections: SectionPatches): Promise<void>;
}

export const ConfigContext = createContext<ConfigValue | null>(null);

export function useConfig(): ConfigValue {
  const value = useContext(ConfigContext);
  if (!value) throw new Error('useConfig outside the référent area');
  return value;
}
