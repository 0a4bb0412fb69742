import iconv from 'iconv-lite';

/** The character tables a référent can choose (preload/contract/config-sections.ts, printer.characterSet). */
export type CharacterSetName =
  'WPC1252' | 'PC858_EURO' | 'PC850_MULTILINGUAL' | 'PC437_USA' | 'PC863_CANADIAN_FRENCH' | 'ISO8859_15_LATIN9';

/** The same encodings node-thermal-printer 4.6.1 uses for these tables (lib/types/epson-config.js CODE_PAGES). */
export const ICONV_ENCODING: Record<CharacterSetName, string> = {
  WPC1252: 'CP1252',
  PC858_EURO: 'CP858',
  PC850_MULTILINGUAL: 'CP850',
  PC437_USA: 'CP437',
  PC863_CANADIAN_FRENCH: 'CP863',
  ISO8859_15_LATIN9: 'ISO-8859-15',
};

/** Stand-ins when the table lacks a character, so the library never switches tables on its own. */
const FALLBACKS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  '€': 'EUR',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '–': '-',
  '—': '-',
  '•': '-',
};

/** True when the table holds the character (it survives a round trip through the encoding). */
export function canEncode(char: string, characterSet: CharacterSetName): boolean {
  if (/^[\x20-\x7e]$/.test(char)) return true;
  const encoding = ICONV_ENCODING[characterSet];
  return iconv.decode(iconv.encode(char, encoding), encoding) === char;
}

/**
 * Returns the function the layout applies to every text: characters the table cannot print become their nearest
 * stand-in (œ → oe, € → EUR, È → E on PC437), so the preview shows what the paper will show.
 */
export function codePageSubstitute(characterSet: CharacterSetName): (text: string) => string {
  const cache = new Map<string, string>();
  const fit = (char: string): string => {
    if (canEncode(char, characterSet)) return char;
    const fallback = FALLBACKS[char];
    if (fallback !== undefined && [...fallback].every((c) => canEncode(c, characterSet))) return fallback;
    const bare = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (bare && bare !== char && [...bare].every((c) => canEncode(c, characterSet))) return bare;
    return '?';
  };
  return (text) => {
    let out = '';
    for (const char of text) {
      let fitted = cache.get(char);
      if (fitted === undefined) cache.set(char, (fitted = fit(char)));
      out += fitted;
    }
    return out;
  };
}

export function encodeText(text: string, characterSet: CharacterSetName): Buffer {
  return iconv.encode(text, ICONV_ENCODING[characterSet]);
}

export function decodeText(bytes: Buffer, characterSet: CharacterSetName): string {
  return iconv.decode(bytes, ICONV_ENCODING[characterSet]);
}
