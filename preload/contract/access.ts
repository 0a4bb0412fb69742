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
  'access.status': { access: 'public', input: noInput, output: AccessStatusSchema },
  /** First start only: station identity, référent PIN, printer, scan folder, idle timeout. */
  'access.setup': { access: 'public', input: SetupInputSchema, output: okReply },
  'access.signIn': {
    access: 'public',
    input: z.object({ pseudonym: Pseudonym, pin: Pin }),
    output: SignedInMediatorSchema,
  },
  /** Ends the running session (the wipe) and then signs the mediator out. */
  'access.signOut': { access: 'mediator', input: noInput, output: okReply },
  'access.referentSignIn': { access: 'public', input: z.object({ pin: Pin }), output: z.object({ until: z.string() }) },
  /** Closes the référent area: its "Fermer" button, and the renderer leaving the area's screen. */
  'access.referentSignOut': { access: 'public', input: noInput, output: okReply },
  /** The référent is using the area's screen (throttled by the renderer): the area stays open. */
  'access.referentActivity': { access: 'referent', input: noInput, output: okReply },
} as const;

export const accessEvents = {} as const;
