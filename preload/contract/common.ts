import { z } from 'zod';
import type { AccessLevel } from './access-levels';

/** The error value that crosses the contract: a stable code and a French message for the person at the counter. */
export const CounterErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: z.string().min(1).max(1000),
});
export type CounterError = z.infer<typeof CounterErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: CounterError };

/** Input schema of a channel that takes no argument. */
export const noInput = z.undefined();

/** One entry of the contract: who may call it, the schema of the argument and the schema of the reply. */
export interface ChannelSpec {
  access: AccessLevel;
  input: z.ZodType;
  output: z.ZodType;
}

export const okReply = z.object({ ok: z.literal(true) });
