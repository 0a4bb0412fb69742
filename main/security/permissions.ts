/**
 * Permission requests (camera, microphone, geolocation, notifications, clipboard, …) are denied by default.
 * The main window needs none; the official site may only get what is listed here.
 */
export const SITE_ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];
// No 'fullscreen': a site in full screen could draw a fake app or hide the counter's own controls (issue 17).

export function isPermissionAllowed(permission: string, allowed: readonly string[] = []): boolean {
  return allowed.includes(permission);
}
