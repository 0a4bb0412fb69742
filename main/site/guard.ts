import { isAllowlistedHttpsUrl } from '../security/navigation';
import { isPermissionAllowed, SITE_ALLOWED_PERMISSIONS } from '../security/permissions';

/**
 * The official-site panel's decisions, as pure functions: which pages it may show, which permission requests it
 * grants, what happens to a window.open. The Electron adapter (electron-guards.ts) and the site service both ask here.
 */
export type NavigationDecision = { allow: true } | { allow: false; host: string; message: string };

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url.slice(0, 120);
  } catch {
    return url.slice(0, 120);
  }
}

export function refusalMessage(url: string): string {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    return "Cette adresse n'est pas une adresse de site valide. Vérifiez-la, ou ouvrez la démarche depuis le guide.";
  }
  if (protocol !== 'https:') {
    return "Cette page n'est pas sécurisée (elle ne commence pas par https). Elle n'a pas été ouverte sur ce poste.";
  }
  return `Le site « ${hostOf(url)} » ne fait pas partie des sites officiels autorisés sur ce poste. La page n'a pas été ouverte. Si ce site est nécessaire pour la démarche, demandez au référent numérique de l'ajouter.`;
}

export function decideNavigation(url: string, hosts: readonly string[]): NavigationDecision {
  if (isAllowlistedHttpsUrl(url, hosts)) return { allow: true };
  return { allow: false, host: hostOf(url), message: refusalMessage(url) };
}

/** Camera, microphone, geolocation, notifications, … are refused; only the small list of security/permissions.ts passes. */
export function decideSitePermission(permission: string): boolean {
  return isPermissionAllowed(permission, SITE_ALLOWED_PERMISSIONS);
}

/** window.open / target=_blank: an allowlisted page opens in the same view (never a new window); others are refused. */
export function decideWindowOpen(url: string, hosts: readonly string[]): 'same-view' | 'refuse' {
  return isAllowlistedHttpsUrl(url, hosts) ? 'same-view' : 'refuse';
}
