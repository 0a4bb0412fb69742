import type { Session, WebContents } from 'electron';
import { decideNavigation, decideSitePermission, decideWindowOpen } from './guard';
import type { SiteHooks } from './site-host';
import { HARDENED_WEB_PREFERENCES } from '../security/web-preferences';

/**
 * The official-site view's own guards (not the main window's: that one only allows app:// pages). Navigation,
 * redirects and frames go only to allowlisted https hosts; window.open loads an allowlisted page in the same view;
 * webviews are refused; input counts as activity. Exported for tests, which fire events at these handlers through
 * tests/mocks/electron.ts.
 */
export function guardSiteContents(
  contents: WebContents,
  hooks: Pick<SiteHooks, 'hosts' | 'refused' | 'activity' | 'changed'>,
): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (decideNavigation(url, hooks.hosts()).allow) return false;
    event.preventDefault();
    hooks.refused(url);
    return true;
  };
  contents.on('will-navigate', (event, url) => void refuse(event, url));
  contents.on('will-frame-navigate', (event) => void refuse(event, event.url));
  contents.on('will-redirect', (event, url) => void refuse(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-client-certificate', refuseClientCertificate);
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, hooks.hosts()) === 'same-view') void contents.loadURL(url);
    else hooks.refused(url);
    return { action: 'deny' };
  });
  contents.on('before-input-event', () => hooks.activity());
  for (const name of ['did-navigate', 'did-navigate-in-page', 'did-start-loading', 'did-stop-loading'] as const) {
    contents.on(name as 'did-start-loading', () => hooks.changed());
  }
}

/**
 * A site asking for a client certificate gets none: without this handler Electron would answer with the first
 * certificate of the system store (a smart card or an agent's certificate could sign the usager in as someone
 * else). Used for the app (main/index.ts) and for the site's own contents.
 */
export function refuseClientCertificate(event: { preventDefault(): void }, ...rest: unknown[]): void {
  event.preventDefault();
  const callback = rest.at(-1);
  if (typeof callback === 'function') (callback as () => void)();
}

/** The site partition's permissions: everything refused but the small list of security/permissions.ts. */
export function guardSiteSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decideSitePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decideSitePermission(permission));
  ses.setDevicePermissionHandler(() => false);
  // Nothing typed on the official site is kept for a dictionary.
  ses.setSpellCheckerEnabled(false);
}

/**
 * The view's web preferences: no preload (the site never sees the contract), sandboxed, isolated, in the session's
 * in-memory partition. Electron has no password manager or autofill store, and the partition is dropped at the end.
 */
export function siteWebPreferences(partition: string) {
  return { ...HARDENED_WEB_PREFERENCES, partition, devTools: false, safeDialogs: true } as const;
}
