import {
  StationConfigSchema,
  type ConfigSectionName,
  type StationConfig,
} from '../../preload/contract/config-sections';
import { CounterFault } from '../errors';
import { silentLogger, type Logger } from '../log';
import { fieldName } from './field-errors';
import type { FieldProblem } from './guard-context';
import { readSectionFields } from './section-reader';
import type { Settings } from './settings';
import type { ConfigGuard } from './value-guard';

export type SectionListener = (name: ConfigSectionName) => void;

/** A stored field that was read back as its default, for the référent's screen (`config.resetFields`). */
export interface FieldReset {
  field: string;
  message: string;
}

/**
 * Reads and writes the station configuration, one settings row per section (`config.<section>`). Every write is
 * checked by the section's schema and by the guard (value-guard.ts: safe, not only well-formed); every read is
 * checked field by field, and a bad stored field falls back alone to its default, is logged (field and reason,
 * never the value) and listed for the référent. Services that follow a section subscribe to its saves.
 */
export class ConfigStore {
  private readonly listeners = new Set<SectionListener>();
  private readonly resets = new Map<ConfigSectionName, FieldProblem[]>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly settings: Settings,
    private readonly options: { guard?: ConfigGuard; log?: Logger } = {},
  ) {}

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
    const schema = StationConfigSchema.shape[name].unwrap();
    const read = readSectionFields(name, schema, this.settings.raw(`config.${name}`));
    const value = read.value as StationConfig[S];
    const unsafe = this.problemsOf(name, value);
    const defaults = schema.parse({}) as Record<string, unknown>;
    for (const problem of unsafe)
      (value as Record<string, unknown>)[problem.field.split('.')[1]!] = defaults[problem.field.split('.')[1]!];
    this.noteResets(name, [...read.problems, ...unsafe]);
    return value;
  }

  /** Stored fields read back as their defaults, with why (French). */
  resetFields(): FieldReset[] {
    for (const name of Object.keys(StationConfigSchema.shape) as ConfigSectionName[]) this.section(name);
    return [...this.resets.values()].flat().map((problem) => ({
      field: problem.field,
      message: `${capitalised(fieldName(problem.field.split('.')))} a repris sa valeur par défaut : ${problem.reason} Enregistrez ce réglage à nouveau pour le corriger.`,
    }));
  }

  /** What the guard finds unsafe in a well-formed section (empty without a guard: seeding tools). */
  problemsOf<S extends ConfigSectionName>(name: S, value: StationConfig[S]): FieldProblem[] {
    return this.options.guard?.check(name, value) ?? [];
  }

  /** Schema then guard; throws a French fault naming the unsafe field. */
  validate<S extends ConfigSectionName>(name: S, value: unknown, root: PropertyKey[] = []): StationConfig[S] {
    const parsed = StationConfigSchema.shape[name].parse(value) as StationConfig[S];
    const problems = this.problemsOf(name, parsed);
    if (problems.length > 0) throw unsafeFault(problems, root);
    return parsed;
  }

  /** Replaces a section after validation (defaults fill what is missing); returns the stored value. */
  setSection<S extends ConfigSectionName>(name: S, value: unknown): StationConfig[S] {
    const parsed = this.validate(name, value);
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
      ([name, value]) => [name, this.validate(name as ConfigSectionName, value)] as const,
    );
    this.settings.transaction(() => {
      for (const [name, value] of parsed) this.settings.set(`config.${name}`, value);
      alsoInTransaction?.();
    });
    // Listeners hear about the saves once they are committed.
    for (const [name] of parsed) this.changed(name as ConfigSectionName);
    return this.get();
  }

  private noteResets(name: ConfigSectionName, problems: FieldProblem[]): void {
    if (problems.length === 0) this.resets.delete(name);
    else this.resets.set(name, problems);
    for (const problem of problems) {
      const key = `${problem.field}:${problem.code}`;
      if (this.logged.has(key)) continue;
      this.logged.add(key);
      (this.options.log ?? silentLogger).warn('config.field_reset', { field: problem.field, reason: problem.code });
    }
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

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "« Adresse de l'imprimante » (printer.interface) : ce chemin mène à un fichier…" */
export function unsafeFault(problems: FieldProblem[], prefix: PropertyKey[] = []): CounterFault {
  const lines = problems.map(
    (problem) =>
      `Le champ ${fieldName([...prefix, ...problem.field.split('.')])} n'est pas accepté : ${problem.reason}`,
  );
  return new CounterFault('config_unsafe', lines.join(' '));
}
