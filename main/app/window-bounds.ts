import { z } from 'zod';

/**
 * Where the counter window was when it last moved, so the next start puts it back there. Stored in the settings
 * table under WINDOW_BOUNDS_KEY: screen geometry only, nothing personal.
 */
export const WINDOW_BOUNDS_KEY = 'app.window';

export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.output<typeof WindowBoundsSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;

/** At least this much of the title bar must be on a screen for the saved place to be reused. */
const VISIBLE_MARGIN = 64;

function overlap(a: Rectangle, b: Rectangle): Rectangle {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
}

/**
 * The window's place at start: the saved one when a screen still shows its top edge (a screen may have been
 * unplugged since), clamped to that screen's size; otherwise the default size, centred on the primary screen.
 */
export function restoredBounds(
  saved: WindowBounds | undefined,
  workAreas: readonly Rectangle[],
): Rectangle & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, 40) };
    const screen = workAreas.find((area) => {
      const seen = overlap(titleBar, area);
      return seen.width >= Math.min(VISIBLE_MARGIN, saved.width) && seen.height > 0;
    });
    if (screen) {
      const width = Math.max(MIN_SIZE.width, Math.min(saved.width, screen.width));
      const height = Math.max(MIN_SIZE.height, Math.min(saved.height, screen.height));
      return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

/** What to save when the window moves: its normal (not maximised) bounds, plus whether it is maximised. */
export function boundsToSave(normal: Rectangle, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    maximized,
  };
}
