import type { Database } from 'better-sqlite3';
import { m0001Station } from './0001-station';
import { m0002Journal } from './0002-journal';
import { m0003Access } from './0003-access';
import { m0004SessionLog } from './0004-session-log';
import { m0005SurveyRollup } from './0005-survey-rollup';
import { m0006JournalChain } from './0006-journal-chain';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Numbered migrations, applied in order at start, each in its own transaction with `PRAGMA user_version`.
 * A capability adds its tables with the next number; a shipped migration is never edited.
 */
export const migrations: Migration[] = [
  m0001Station,
  m0002Journal,
  m0003Access,
  m0004SessionLog,
  m0005SurveyRollup,
  m0006JournalChain,
];
