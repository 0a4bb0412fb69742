import { CLOSED_VIEW, type SiteHost } from './site-host';

/**
 * The web host's official-site panel (browser tests, demos): nothing is embedded. The service still checks the URL
 * against the allowlist; the renderer, told `mode: 'new-tab'`, opens the page in a new browser tab.
 */
export function newTabSite(): SiteHost {
  return {
    mode: 'new-tab',
    async open() {},
    setBounds() {},
    command() {},
    view: () => CLOSED_VIEW,
    async close() {},
    async clear() {
      return { viewDestroyed: false, partitionCleared: false, downloadsCancelled: 0 };
    },
  };
}
