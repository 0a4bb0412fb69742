/** The app's own origin: the renderer is served from app://point-numerique/ (main/app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'point-numerique';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for the app's own pages: anything else the main window tries to open is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** https only, and the host is one of the allowlisted hosts or a subdomain of one. */
export function isAllowlistedHttpsUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const a = allowed.toLowerCase().replace(/^\*\./, '');
    return host === a || host.endsWith('.' + a);
  });
}
