import { DEMARCHE_CATEGORIES, type Demarche } from '../../preload/api';

/** Lower case, no accents, one kind of apostrophe, single spaces: "Carte GRISE — immatriculation" ≈ "carte grise". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

/**
 * The démarches matching a search, best first. Every word typed must appear (accent- and case-insensitive) in the
 * title, keywords, summary, "for whom" or category; a match in the title ranks first (a title that starts with
 * the first word before the others), then keywords and category.
 */
export function searchDemarches<D extends Demarche>(demarches: readonly D[], query: string): D[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...demarches];
  const scored: Array<{ demarche: D; score: number; index: number }> = [];
  demarches.forEach((demarche, index) => {
    const title = foldText(demarche.title);
    const strong = foldText([...demarche.keywords, DEMARCHE_CATEGORIES[demarche.category]].join(' '));
    const weak = foldText([...demarche.summary, demarche.forWhom].join(' '));
    let score = 0;
    for (const word of words) {
      if (title.includes(word)) score += 3;
      else if (strong.includes(word)) score += 2;
      else if (weak.includes(word)) score += 1;
      else return;
    }
    if (title.includes(words.join(' ')) || strong.includes(words.join(' '))) score += words.length;
    // "passeport" ranks "Passeport : pré-demande" before "Carte d'identité ou passeport perdu".
    if (title.startsWith(words[0]!)) score += 1;
    scored.push({ demarche, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.demarche);
}
