/**
 * Keyboard shortcuts that would leave, hide or reload the counter, swallowed in kiosk mode
 * (main/app/electron-station-lock.ts, 'before-input-event'). The app's own Alt+letter shortcuts stay free.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Ctrl/Cmd + key: close, quit, minimize/hide, reload, new window, print dialog, developer tools, page source. */
const WITH_CONTROL = new Set(['w', 'q', 'm', 'h', 'r', 'n', 'p', 'o', 's', 'u', 'i', 'j', 'f4']);
/** Alone (or with any modifier): full screen, reload, developer tools, caret browsing. */
const FUNCTION_KEYS = new Set(['f5', 'f7', 'f11', 'f12']);
/** Alt + key: close the window, history back/forward, Home page. */
const WITH_ALT = new Set(['f4', 'arrowleft', 'arrowright', 'home']);

export function isLockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (FUNCTION_KEYS.has(key)) return true;
  if ((input.control || input.meta) && WITH_CONTROL.has(key)) return true;
  if (input.alt && !input.control && WITH_ALT.has(key)) return true;
  // Browser history keys (mouse "back" buttons arrive as these too).
  return key === 'browserback' || key === 'browserforward' || key === 'browserrefresh';
}
