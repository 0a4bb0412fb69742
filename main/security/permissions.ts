/**
 * Permission requests (camera, microphone, geolocation, notifications, clipboard, …) are denied by default.
 * The main window needs none; the official site may only get what is listed here.
 */
export const SITE_ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'fullscreen'];

export function isPermissionAllowed(permission: string, allowed: readonly string[] = []): boolean {
  return allowed.includes(permission);
}
