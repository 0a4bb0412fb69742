import { createContext, useContext } from 'react';
import type { ConfigSectionNameSchema } from '../../../../preload/api';
import type { z } from 'zod';

export type SectionName = z.infer<typeof ConfigSectionNameSchema>;
export type ConfigValues = Record<string, Record<string, unknown>>;

export interface ConfigValue {
  config: ConfigValues;
  /** Saves one section (fields merged over what is stored); throws CallError with the French message. */
  save(section: SectionName, value: Record<string, unknown>): Promise<void>;
}

export const ConfigContext = createContext<ConfigValue | null>(null);

export function useConfig(): ConfigValue {
  const value = useContext(ConfigContext);
  if (!value) throw new Error('useConfig outside the référent area');
  return value;
}
