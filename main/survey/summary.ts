import { SURVEY_ITEM_LABELS, type Stats } from '../../preload/contract/survey';
import { formatRate } from './rates';

/**
 * The one-page summary of the survey results for display at the counter (Services Publics+ asks offices to
 * publish their results). Pure: figures in, lines of French text out; summary-pdf.ts lays them out on A4.
 */
export interface SummaryModel {
  title: string;
  station: string;
  period: string;
  intro: string;
  rows: Array<{ label: string; rate: string; count: string }>;
  recommend: string | null;
  footer: string;
}

const frenchDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

const answers = (n: number) => (n === 0 ? 'aucune réponse' : n === 1 ? '1 réponse' : `${n} réponses`);

export function summaryModel(stats: Stats, station: string): SummaryModel {
  const { satisfaction } = stats;
  const recommendTotal = (satisfaction.recommend.oui ?? 0) + (satisfaction.recommend.non ?? 0);
  return {
    title: 'Votre avis sur notre point numérique',
    station,
    period: `Du ${frenchDate(stats.from)} au ${frenchDate(stats.to)}`,
    intro:
      satisfaction.responses === 0
        ? "Aucun usager n'a encore répondu à l'enquête sur cette période."
        : `${satisfaction.responses} usagers ont répondu à notre enquête de satisfaction, de façon anonyme. Part des personnes satisfaites ou très satisfaites :`,
    rows: satisfaction.items.map((item) => ({
      label: SURVEY_ITEM_LABELS[item.item],
      rate: formatRate(item.rate),
      count: answers(item.answered),
    })),
    recommend:
      recommendTotal === 0
        ? null
        : `${formatRate((satisfaction.recommend.oui ?? 0) / recommendTotal)} recommanderaient ce point numérique (${answers(recommendTotal)}).`,
    footer:
      'Les réponses « je ne sais pas » ne sont pas comptées. Merci à toutes les personnes qui ont donné leur avis.',
  };
}
