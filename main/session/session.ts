import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { emptyFacts, type SessionFacts } from './facts';
import { Workspace } from './workspace';

export interface SessionMediator {
  id: number | null;
  pseudonym: string;
}

/** One accompaniment of one usager: its workspace (encrypted files) and its anonymous facts, in memory. */
export class ActiveSession {
  readonly id = randomUUID();
  readonly facts: SessionFacts = emptyFacts();
  readonly workspace: Workspace;

  constructor(
    readonly mediator: SessionMediator,
    readonly startedAt: Date,
    sessionsDir: string,
  ) {
    this.workspace = new Workspace(join(sessionsDir, this.id));
  }
}

/** The folder of the data dir that holds the session workspaces (one per running session, none at rest). */
export const SESSIONS_FOLDER = 'sessions';

export function sessionsDir(dataDir: string): string {
  return join(dataDir, SESSIONS_FOLDER);
}
