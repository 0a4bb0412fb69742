import { z } from 'zod';
import { noInput, okReply } from './common';

/** Why a session ended: the mediator ended it, signed out, nobody answered the idle warning, the app quit. */
export const EndReasonSchema = z.enum(['ended', 'signed_out', 'idle', 'quit']);
export type EndReason = z.infer<typeof EndReasonSchema>;
/** Why a wipe ran: a session's end, or 'startup' (the start-up sweep of what an unfinished session left). */
export const WipeReasonSchema = z.enum([...EndReasonSchema.options, 'startup']);

/** One step of the wipe (a participant's persist or clear, the workspace, the checkpoint, …) and how it went. */
export const WipeStepSchema = z.object({
  name: z.string().max(80),
  ok: z.boolean(),
  attempts: z.number().int().min(0),
  ms: z.number().min(0),
});
export type WipeStep = z.infer<typeof WipeStepSchema>;

/**
 * What the wipe removed, how long it took and what the verification pass found. Figures and step names only:
 * `problems` are French sentences for the mediator (what could not be removed and what to do).
 */
export const WipeReportSchema = z.object({
  reason: WipeReasonSchema,
  status: z.enum(['completed', 'failed']),
  finishedAt: z.string(),
  durationMs: z.number().min(0),
  removed: z.object({
    /** Every file of the session, whoever removed it: the workspace's, and those parts deleted elsewhere (scan folder). */
    files: z.number().int().min(0),
    bytes: z.number().int().min(0),
    /** The session workspace as it was when the session ended (encrypted files). */
    workspaceFiles: z.number().int().min(0),
    workspaceBytes: z.number().int().min(0),
    /** Capabilities whose in-memory state of the session was dropped (site, downloads, scan, …). */
    participants: z.array(z.string().max(80)),
    /** Counts the participants reported (e.g. downloads: 2). */
    figures: z.record(z.string(), z.number()),
    clipboardCleared: z.boolean(),
    walCheckpointed: z.boolean(),
    /** 'process': a new renderer process (desktop); 'reload': the page reloads itself (browser). */
    renderer: z.enum(['process', 'reload']),
  }),
  steps: z.array(WipeStepSchema),
  verification: z.object({
    ok: z.boolean(),
    leftovers: z.number().int().min(0),
    checkedEntries: z.number().int().min(0),
  }),
  problems: z.array(z.string().max(1000)),
});
export type WipeReport = z.infer<typeof WipeReportSchema>;

export const SessionInfoSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  mediator: z.string(),
  idleMinutes: z.number().int(),
  idleWarningSeconds: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionStateSchema = z.object({
  /** The running accompaniment, or null. */
  session: SessionInfoSchema.nullable(),
  /** The mediator signed in at the counter, or null (then the home screen sends to sign-in). */
  mediator: z.object({ pseudonym: z.string() }).nullable(),
  /** The report of the last wipe, for a few minutes after it ran. */
  lastWipe: WipeReportSchema.nullable(),
  /** Set while the idle warning is showing. */
  idleWarning: z.object({ secondsLeft: z.number().int().min(0) }).nullable(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export const sessionContract = {
  'session.current': { access: 'public', input: noInput, output: SessionStateSchema },
  /** Starts an accompaniment for the signed-in mediator. */
  'session.start': { access: 'mediator', input: noInput, output: SessionInfoSchema },
  /** Ends the running accompaniment and wipes it; replies with the wipe report (null if none was running). */
  'session.end': {
    access: 'mediator',
    input: z.object({ reason: EndReasonSchema.default('ended') }),
    output: WipeReportSchema.nullable(),
  },
  /** The renderer saw input (throttled): the idle count starts again. */
  'session.activity': { access: 'session', input: noInput, output: okReply },
  /** "L'usager est toujours là": withdraws the idle warning. */
  'session.extend': { access: 'session', input: noInput, output: okReply },
} as const;

export const sessionEvents = {
  /** The idle warning starts (`dismissed` false) or is withdrawn because activity came back (`dismissed` true). */
  'session.idleWarning': z.object({ secondsLeft: z.number().int().min(0), dismissed: z.boolean().default(false) }),
  /**
   * The session ended and was wiped. `reload`: the renderer must replace itself (browser); in the desktop app the
   * main process already replaced the renderer process.
   */
  'session.ended': z.object({ report: WipeReportSchema, reload: z.boolean() }),
} as const;
