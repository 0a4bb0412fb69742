/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// handler and by the web host.
 * style-src needs 'unsafe-inline' because MUI (emotion) injects <style> elements at run time; scripts stay 'self'.
 */
export function contentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${connectSrc.map((src) => ' ' + src).join('')}`,
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
