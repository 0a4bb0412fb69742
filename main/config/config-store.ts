import {
  StationConfigSchema,
  type ConfigSectionName,
  type StationConfig,
} from '../../preload/contract/config-sections';
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

  /**
   * Replaces several sections in one transaction (each validated first, defaults fill what is missing), with
   * `alsoInTransaction` (e.g. the journal line) inside it: all of it lands, or nothing.
   */
  setSections(values: Partial<Record<ConfigSectionName, unknown>>, alsoInTransaction?: () => void): StationConfig {
    const parsed = Object.entries(values).map(
      ([name, value]) => [name, StationConfigSchema.shape[name as ConfigSectionName].parse(value)] as const,
    );
    this.settings.transaction(() => {
      for (const [name, value] of parsed) this.settings.set(`config.${name}`, value);
      alsoInTransaction?.();
    });
    // Listeners hear about the saves once they are committed.
    for (const [name] of parsed) this.changed(name as ConfigSectionName);
    return this.get();
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
