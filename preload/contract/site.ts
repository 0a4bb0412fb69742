import { z } from 'zod';
import { noInput } from './common';

/**
 * The official site beside the guide. In the desktop app it is an embedded view (its own in-memory partition,
 * allowlisted hosts only); behind the web host (browser tests, demos) the renderer opens the URL in a new tab.
 * The reply's `mode` says which: the renderer never guesses from the transport.
 */
export const SiteStateSchema = z.object({
  open: z.boolean(),
  mode: z.enum(['embedded', 'new-tab']),
  url: z.string().max(4000).nullable(),
  canGoBack: z.boolean(),
  canGoForward: z.boolean(),
  zoom: z.number().min(0.25).max(5),
  loading: z.boolean(),
  /** The page's host is allowed only as a référent exception (not an official site): the panel says so. */
  exception: z.boolean(),
});
export type SiteState = z.infer<typeof SiteStateSchema>;

export const SiteBoundsSchema = z.object({
  x: z.number().int().min(0).max(20_000),
  y: z.number().int().min(0).max(20_000),
  width: z.number().int().min(0).max(20_000),
  height: z.number().int().min(0).max(20_000),
});
export type SiteBounds = z.infer<typeof SiteBoundsSchema>;

export const SiteDownloadSchema = z.object({
  id: z.string().uuid(),
  name: z.string().max(255),
  bytes: z.number().int().min(0),
  mime: z.string().max(120),
});
export type SiteDownload = z.infer<typeof SiteDownloadSchema>;

export const siteContract = {
  /** Opens (or navigates) the official site. Refused with a French message when the host is not allowlisted. */
  'site.open': {
    access: 'session',
    input: z.object({ url: z.string().max(4000), bounds: SiteBoundsSchema.optional() }),
    output: SiteStateSchema,
  },
  'site.state': { access: 'session', input: noInput, output: SiteStateSchema },
  /** Where the renderer's placeholder is, so the embedded view sits exactly there. */
  'site.setBounds': { access: 'session', input: SiteBoundsSchema, output: z.object({ ok: z.literal(true) }) },
  'site.command': {
    access: 'session',
    input: z.object({
      command: z.enum(['back', 'forward', 'reload', 'zoom-in', 'zoom-out', 'zoom-reset', 'hide', 'show']),
    }),
    output: SiteStateSchema,
  },
  /** Closes the panel; the partition is cleared when the session ends. */
  'site.close': { access: 'session', input: noInput, output: SiteStateSchema },
  /** Files the official site gave the session (ANTS récapitulatif, CPI, …), stored encrypted in the workspace. */
  'site.downloads': { access: 'session', input: noInput, output: z.array(SiteDownloadSchema) },
  /** Prints a captured file (desktop: system printer); in a browser the file comes back for the browser to open. */
  'site.printDownload': {
    access: 'session',
    input: z.object({ id: z.string().uuid() }),
    output: z.object({
      done: z.enum(['printed', 'cancelled', 'open']),
      name: z.string().max(255),
      mime: z.string().max(120),
      base64: z.string().nullable(),
    }),
  },
  /** Answers the site's file chooser with upload-ready pièces of the session (ids from the scan capability). */
  'site.chooseFiles': {
    access: 'session',
    input: z.object({ ids: z.array(z.string().max(80)).max(20) }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export const siteEvents = {
  'site.changed': SiteStateSchema,
  /** A navigation the panel refused, with the French message for the mediator. */
  'site.refused': z.object({ host: z.string().max(300), message: z.string().max(600) }),
  'site.downloaded': SiteDownloadSchema,
  /** A download the station refused (type or size), with the French message for the mediator. */
  'site.downloadRefused': z.object({ message: z.string().max(600) }),
  /** The site asked for a file: the renderer offers the session's upload-ready pièces. */
  'site.fileChooser': z.object({
    multiple: z.boolean(),
    files: z.array(z.object({ id: z.string().max(80), label: z.string().max(255) })),
  }),
} as const;
