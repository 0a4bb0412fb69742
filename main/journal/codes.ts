/** The closed list of journal event codes. A new kind of event is a new code here, never free text. */
export const JOURNAL_CODES = [
  'station.configured',
  'config.changed',
  'config.exported',
  'config.imported',
  'mediator.added',
  'mediator.changed',
  'mediator.signed_in',
  'mediator.signed_out',
  'mediator.locked_out',
  'referent.signed_in',
  'referent.signed_out',
  'referent.locked_out',
  'session.opened',
  'session.closed',
  'session.idle_timeout',
  'wipe.completed',
  'wipe.failed',
  'wipe.startup_leftover',
  'receipt.printed',
  'receipt.print_failed',
  'scan.delete_failed',
  'scanner.refused',
  'export.made',
  'retention.purged',
] as const;

export type JournalCode = (typeof JOURNAL_CODES)[number];

/** Figures only: counts, durations, short codes. Never a name, a numéro, a PIN or a path. */
export type JournalDetails = Record<string, number | boolean | string>;
