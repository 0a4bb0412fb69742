import { StationConfigSchema, type ConfigSectionName, type StationConfig } from './station-config';
import type { Settings } from './settings';

export type SectionListener = (name: ConfigSectionName) => void;

/**
 * Reads and writes the station configuration, one settings row per section (`config.<section>`). Services that
 * follow a section (the scan folder watcher) subscribe to its saves instead of polling.
 */
export class ConfigStore {
  private readonly listeners = new Set<SectionListener>();

  constructor(private readonly settings: Settings) {}

  /** Calls the listener after each save of a section; returns the unsubscribe. */
  onChange(listener: SectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(): StationConfig {
    const raw: Record<string, unknown> = {};
    for (const section of Object.keys(StationConfigSchema.shape) as ConfigSectionName[]) {
      raw[section] = this.section(section);
    }
    return StationConfigSchema.parse(raw);
  }

  section<S extends ConfigSectionName>(name: S): StationConfig[S] {
    const schema = StationConfigSchema.shape[name];
    return this.settings.get(`config.${name}`, schema, schema.parse(undefined)) as StationConfig[S];
  }

  /** Replaces a section after validation (defaults fill what is missing); returns the stored value. */
  setSection<S extends ConfigSectionName>(name: S, value: unknown): StationConfig[S] {
    const parsed = StationConfigSchema.shape[name].parse(value) as StationConfig[S];
    this.settings.set(`config.${name}`, parsed);
    this.changed(name);
    return parsed;
  }

  /** A listener that throws must not turn a stored save into a failure. */
  private changed(name: ConfigSectionName): void {
    for (const listener of this.listeners) {
      try {
        listener(name);
      } catch {
        // The listener's own problem: the section is saved.
      }
    }
  }
}
