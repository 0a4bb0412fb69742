import { isIP } from 'node:net';

/**
 * The scanner's eSCL root as the référent types it (`http(s)://host[:port]/eSCL`) or as DNS-SD announces it.
 * Only plain http(s) to a host name or an IP address is accepted: no user name or password in the address, no
 * query, no fragment, a short path of safe characters. The result always ends with a slash so job and document
 * paths resolve beneath it.
 */
export type AddressCheck = { ok: true; base: string; tls: boolean } | { ok: false; message: string };

const BAD =
  "Cette adresse n'est pas celle d'un scanner. Écrivez-la sous la forme http://192.168.1.20/eSCL ou https://scanner.local:443/eSCL.";

export function parseScannerAddress(input: string): AddressCheck {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 300) return { ok: false, message: BAD };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: BAD };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: BAD };
  if (url.username || url.password) {
    return { ok: false, message: "L'adresse du scanner ne doit pas contenir de nom d'utilisateur ni de mot de passe." };
  }
  if (url.search || url.hash) return { ok: false, message: BAD };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!(isIP(host) || /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,62})(\.[a-z0-9]([a-z0-9-]{0,62}))*\.?$/i.test(host))) {
    return { ok: false, message: BAD };
  }
  let path = url.pathname === '/' ? '/eSCL' : url.pathname;
  if (!/^(\/[A-Za-z0-9._~-]{1,40}){1,4}\/?$/.test(path) || path.split('/').some((part) => part === '..')) {
    return { ok: false, message: BAD };
  }
  if (!path.endsWith('/')) path += '/';
  return { ok: true, base: `${url.protocol}//${url.host}${path}`, tls: url.protocol === 'https:' };
}

/** The address as shown to people: without the trailing slash. */
export function shownAddress(base: string): string {
  return base.replace(/\/$/, '');
}
