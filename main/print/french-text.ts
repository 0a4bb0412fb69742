/**
 * French typography for a receipt that is broken into short lines: the characters that must never start a line
 * (» : ; ? ! € %) or end one («), a number kept with its unit, and a token too long for the line broken at a safe
 * place with a visible mark. Pure.
 */

export const NBSP = '\u00a0';
/** Ends a line where a too-long token (an address, a numéro) goes on: "¬" is in every printer code table we use. */
export const BREAK_MARK = '¬';

const UNITS =
  '€|%|h|min|jours?|mois|ans?|semaines?|heures?|minutes?|CV|km|caractères|chiffres|lettres|étiquettes?|déménagements?';

/** Binds with no-break spaces what French never splits across lines. Plain spaces stay break points. */
export function bindFrench(text: string): string {
  return (
    text
      .replace(/\u202f/g, NBSP)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
      // Never a line that starts with » : ; ? ! € % or ends with «.
      .replace(/ ([»:;?!€%])/g, `${NBSP}$1`)
      .replace(/« /g, `«${NBSP}`)
      // A number with its unit (2,76 €, 15 jours, 6 mois), and the groups of a phone number (0 806 001 620).
      .replace(new RegExp(`(\\d) (?=(${UNITS})(?![\\p{L}]))`, 'gu'), `$1${NBSP}`)
      .replace(/(\d) (?=\d)/g, `$1${NBSP}`)
      .replace(/\b(n°|N°) (?=\d)/g, `$1${NBSP}`)
  );
}

/**
 * Word wrap at plain spaces; a no-break space joins words and prints as a space. A token longer than the line is
 * broken after a safe character (/ . - _ ? & = #) when one is near the end, else where the line ends, and each
 * broken line ends with BREAK_MARK: nothing is ever cut silently.
 */
export function wrapFrench(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    if (current && current.length + 1 + word.length <= width) {
      current += ' ' + word;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    let rest = word;
    while (rest.length > width) {
      // A group bound by no-break spaces that cannot fit: break at its last no-break space that fits.
      const bound = rest.lastIndexOf(NBSP, width);
      if (bound > 0) {
        lines.push(rest.slice(0, bound));
        rest = rest.slice(bound + 1);
        continue;
      }
      const cut = safeCut(rest, width - BREAK_MARK.length);
      lines.push(rest.slice(0, cut) + BREAK_MARK);
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines.map((line) => line.replaceAll(NBSP, ' '));
}

/** Where to break a too-long token: just after the last safe character of the first `room` characters. */
function safeCut(token: string, room: number): number {
  const head = token.slice(0, room);
  let best = -1;
  for (let i = head.length - 1; i >= Math.floor(room / 2); i--) {
    if ('/.-_?&=#'.includes(head[i]!)) {
      best = i + 1;
      break;
    }
  }
  return best > 0 ? best : Math.max(1, room);
}
