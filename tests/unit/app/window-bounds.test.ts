import { describe, expect, it } from 'vitest';
import { boundsToSave, restoredBounds } from '../../../main/app/window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const secondScreen = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('where the counter window opens', () => {
  it('opens centred at 1280×800 the first time', () => {
    expect(restoredBounds(undefined, [laptop])).toEqual({ x: 320, y: 120, width: 1280, height: 800, maximized: false });
  });

  it('opens where it was last time, maximised again if it was', () => {
    const saved = { x: 2000, y: 50, width: 1100, height: 900, maximized: true };
    expect(restoredBounds(saved, [laptop, secondScreen])).toEqual(saved);
  });

  it('comes back to the main screen when the screen it was on is unplugged', () => {
    const saved = { x: 2000, y: 50, width: 1100, height: 900, maximized: false };
    expect(restoredBounds(saved, [laptop])).toEqual({ x: 320, y: 120, width: 1280, height: 800, maximized: false });
  });

  it('is not reopened with its title bar off every screen', () => {
    const saved = { x: 100, y: -500, width: 1200, height: 800, maximized: false };
    expect(restoredBounds(saved, [laptop]).y).toBe(120);
  });

  it('fits a smaller screen than the one it was saved on, never under its minimum size', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    const saved = { x: 0, y: 0, width: 1900, height: 1000, maximized: false };
    expect(restoredBounds(saved, [small])).toMatchObject({ width: 1366, height: 728 });
    expect(restoredBounds({ ...saved, width: 400, height: 300 }, [small])).toMatchObject({ width: 960, height: 640 });
  });

  it('saves whole pixels', () => {
    expect(boundsToSave({ x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 701,
      maximized: true,
    });
  });
});
