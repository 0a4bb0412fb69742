import { z } from 'zod';
import { noInput, okReply } from './common';
import { sectionPatchSchema } from './config-sections';

/** Typed PINs and pseudonyms are checked by main/access with French messages; here only their size is bounded. */
const Pin = z.string().max(64);
const Pseudonym = z.string().max(80);

export const SignedInMediatorSchema = z.object({ id: z.number().int(), pseudonym: z.string() });
export type SignedInMediator = z.infer<typeof SignedInMediatorSchema>;

export const AccessStatusSchema = z.object({
  /** False until the first-start assistant has set the référent PIN: nothing of the counter works before. */
  setUp: z.boolean(),
  /** Active pseudonyms, for the sign-in screen. */
  mediators: z.array(z.string()),
  mediator: SignedInMediatorSchema.nullable(),
  referent: z.object({ signedIn: z.boolean(), until: z.string().nullable() }),
});
export type AccessStatus = z.infer<typeof AccessStatusSchema>;

/** What the first-start assistant sends; each section is validated by main/config with its schema. */
export const SetupInputSchema = z.object({
  referentPin: Pin,
  station: sectionPatchSchema<'station'>(),
  printer: sectionPatchSchema<'printer'>().optional(),
  scan: sectionPatchSchema<'scan'>().optional(),
  session: sectionPatchSchema<'session'>().optional(),
});
export type SetupInput = z.infer<typeof SetupInputSchema>;

export const accessContract = {
  'access.status': { input: noInput, output: AccessStatusSchema },
  /** First start only: station identity, référent PIN, printer, scan folder, idle timeout. */
  'access.setup': { input: SetupInputSchema, output: okReply },
  'access.signIn': { input: z.object({ pseudonym: Pseudonym, pin: Pin }), output: SignedInMediatorSchema },
  /** Ends the running session (the wipe) and then signs the mediator out. */
  'access.signOut': { input: noInput, output: okReply },
  /** Re-checks the signed-in mediator's PIN (e.g. to leave the usager's survey screen). */
  'access.confirmMediatorPin': { input: z.object({ pin: Pin }), output: okReply },
  'access.referentSignIn': { input: z.object({ pin: Pin }), output: z.object({ until: z.string() }) },
  'access.referentSignOut': { input: noInput, output: okReply },
} as const;

export const accessEvents = {} as const;
