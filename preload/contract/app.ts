import { z } from 'zod';
import { noInput, okReply } from './common';

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
  /**
   * A kiosk counter's window closes only with a PIN: after the app.closeRequested event the renderer asks for the
   * signed-in mediator's PIN or the référent's, and this call lets the held close go through (the wipe runs).
   */
  'app.confirmClose': {
    access: 'public',
    input: z.object({ pin: z.string().max(64), who: z.enum(['mediator', 'referent']) }),
    output: okReply,
  },
} as const;

export const appEvents = {
  /** Someone tried to close the kiosk counter window (Alt+F4, the window manager…): ask for a PIN. */
  'app.closeRequested': z.object({}),
} as const;
