/** FlowRecords for the receipt tests: one per outcome, with the accents a French receipt must print. */
import type { FlowRecord } from '../../../main/flow/records';

/** Every character the receipt must get right on paper. */
export const ACCENTS = "é è ê à ç ù ô î œ « » € '";

const followUp = {
  url: 'https://immatriculation.ants.gouv.fr/',
  how: 'Connectez-vous à votre espace sur le site officiel, puis ouvrez « Mes demandes ».',
  statuses: [
    { name: 'En instruction', meaning: "l'administration étudie votre demande." },
    { name: 'À compléter', meaning: 'il manque quelque chose : lisez « Mes messages ».' },
  ],
};

export const deposee: FlowRecord = {
  demarcheId: 'ci-changement-titulaire',
  title: "Carte grise : changement de titulaire (véhicule d'occasion)",
  category: 'immatriculation',
  outcome: 'deposee',
  outcomeLabel: 'Demande envoyée',
  numero: 'CIM-2611-4F7Q2',
  numeroLabel: 'Numéro de demande',
  orientation: null,
  piecesProvided: ['Justificatif de domicile de moins de 6 mois', 'Contrôle technique de moins de 6 mois'],
  piecesMissing: [],
  nextSteps: [
    'Imprimez le certificat provisoire : il vous permet de rouler en France pendant 1 mois.',
    `Caractères à vérifier sur le papier : ${ACCENTS}`,
    'Gardez le reçu du paiement de la taxe régionale (42,50 €).',
  ],
  delais: { text: 'La plupart des cartes grises arrivent en une semaine, par courrier sécurisé.', source: 'ANTS 2019' },
  receives: ["Certificat provisoire d'immatriculation (CPI)"],
  reminders: ['La taxe régionale (par exemple 42,50 €) est payée par carte sur le site.'],
  followUp,
  helpLine: null,
};

export const incomplete: FlowRecord = {
  demarcheId: 'pc-renouvellement',
  title: 'Permis de conduire : renouvellement',
  category: 'permis',
  outcome: 'incomplete',
  outcomeLabel: 'Pas finie : il manque des pièces',
  numero: 'NE-DOIT-PAS-SORTIR',
  numeroLabel: 'Numéro de demande',
  orientation: null,
  piecesProvided: ["Pièce d'identité"],
  piecesMissing: [
    { label: 'Code e-photo (photo et signature numériques)', whereToGet: 'Dans une cabine photo agréée ANTS.' },
    { label: 'Avis médical du médecin agréé', whereToGet: 'Chez un médecin agréé par la préfecture.' },
  ],
  nextSteps: [`Faites votre photo dans une cabine agréée, puis revenez finir la demande. ${ACCENTS}`],
  delais: null,
  receives: [],
  reminders: [`Le code e-photo est valable 6 mois. ${ACCENTS}`],
  followUp,
  helpLine: null,
};

export const orientee: FlowRecord = {
  demarcheId: 'cni-pre-demande',
  title: "Carte d'identité : rendez-vous en mairie",
  category: 'identite',
  outcome: 'orientee',
  outcomeLabel: 'À faire ailleurs',
  numero: null,
  numeroLabel: 'Numéro de pré-demande',
  orientation: {
    to: 'La mairie (avec une station biométrique)',
    why: `Prenez rendez-vous ; la pré-demande reste valable 6 mois. ${ACCENTS}`,
  },
  piecesProvided: [],
  piecesMissing: [],
  nextSteps: [
    'Allez voir : La mairie (avec une station biométrique).',
    `Prenez rendez-vous ; la pré-demande reste valable 6 mois. ${ACCENTS}`,
  ],
  delais: null,
  receives: [],
  reminders: [],
  followUp: null,
  helpLine: null,
};

export const abandonnee: FlowRecord = {
  demarcheId: 'pc-duplicata',
  title: 'Permis de conduire : duplicata après une perte',
  category: 'permis',
  outcome: 'abandonnee',
  outcomeLabel: 'Arrêtée aujourd’hui',
  numero: null,
  numeroLabel: 'Numéro de demande',
  orientation: null,
  piecesProvided: [],
  piecesMissing: [{ label: 'Timbre fiscal de 25 €', whereToGet: 'Sur timbres.impots.gouv.fr.' }],
  nextSteps: [`Achetez le timbre fiscal en ligne, puis revenez. ${ACCENTS}`],
  delais: null,
  receives: [],
  reminders: [],
  followUp: null,
  helpLine: null,
};

export const station = {
  name: 'Point numérique de la sous-préfecture',
  type: 'sous-prefecture' as const,
  commune: 'Château-Thierry',
  contactPhone: '34 00',
};
