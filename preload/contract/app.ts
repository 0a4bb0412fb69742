import { z } from 'zod';
import { noInput } from './common';

export const AppInfoSchema = z.object({
  version: z.string(),
  stationName: z.string(),
  dataDir: z.string(),
  /** 'electron' in the desktop app, 'web' behind the web host (browser tests and demos). */
  transport: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appContract = {
  'app.info': { access: 'public', input: noInput, output: AppInfoSchema },
} as const;

export const appEvents = {} as const;
