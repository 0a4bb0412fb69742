import type { SurveyItem } from '../../../../preload/api';

/** The usager's questions, in plain French (FALC): one idea per sentence, common words, "vous". */
export const QUESTIONS: Record<SurveyItem, { question: string; hint: string }> = {
  accueil: {
    question: "Êtes-vous satisfait de l'accueil ?",
    hint: "L'accueil, c'est la façon dont on vous a reçu.",
  },
  information: {
    question: 'Êtes-vous satisfait des informations reçues ?',
    hint: 'Les informations, ce sont les explications sur votre démarche.',
  },
  clarte: {
    question: 'Êtes-vous satisfait de la clarté des explications ?',
    hint: 'Était-ce facile à comprendre ?',
  },
  accompagnement: {
    question: "Êtes-vous satisfait de l'aide reçue ?",
    hint: "L'aide, c'est ce que la personne à côté de vous a fait pour vous.",
  },
  solution: {
    question: 'Êtes-vous satisfait du résultat ?',
    hint: 'Le résultat, c’est ce que vous avez obtenu pour votre démarche.',
  },
  securite: {
    question: 'Êtes-vous satisfait de la protection de vos informations ?',
    hint: 'Vos informations personnelles restent secrètes. Elles sont effacées à la fin.',
  },
};

/** Choice labels on the usager's screen (the words beside the pictograms). */
export const CHOICE_WORDS = {
  tres_satisfait: 'Très satisfait',
  satisfait: 'Satisfait',
  peu_satisfait: 'Peu satisfait',
  pas_satisfait: 'Pas satisfait',
  ne_sait_pas: 'Je ne sais pas',
} as const;

/** The optional last question (the station's survey settings decide whether it is asked). */
export const RECOMMEND_QUESTION: { question: string; hint: string | null } = {
  question: 'Conseilleriez-vous ce point numérique à une autre personne ?',
  hint: null,
};
