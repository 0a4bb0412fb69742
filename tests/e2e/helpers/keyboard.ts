/**
 * Moving with the keyboard only, as a mediator who never touches the mouse: Tab (or Shift+Tab) until a control has
 * the focus. A control the keys never reach fails the spec, naming it: that is a bug of the screen, not of the test.
 */
import { expect, type Locator, type Page } from '@playwright/test';

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, at most `max` times. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused({
    timeout: 1,
  });
}

/** Tabs to `target` and presses `key` on it (Enter for a button or link, Space for a radio or checkbox). */
export async function pressOn(
  page: Page,
  target: Locator,
  key: 'Enter' | 'Space' = 'Enter',
  options?: { back?: boolean; max?: number },
): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}
