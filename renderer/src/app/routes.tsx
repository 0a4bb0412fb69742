import type { ReactElement } from 'react';
import { GateScreen } from '../features/access/GateScreen';
import { ReferentSignInScreen } from '../features/access/ReferentSignInScreen';
import { SignInScreen } from '../features/access/SignInScreen';
import { ReferentArea } from '../features/config/ReferentArea';
import { SetupScreen } from '../features/config/SetupScreen';
import { SessionHome } from '../features/session/SessionHome';
import { PiecesScreen } from '../features/scan/PiecesScreen';
import { EndOfSessionScreen } from '../features/survey/EndOfSessionScreen';
import { SurveyScreen } from '../features/survey/SurveyScreen';
import { ReceiptScreen } from '../features/print/ReceiptScreen';
import { CatalogScreen } from '../features/flow/CatalogScreen';
import { FlowScreen } from '../features/flow/FlowScreen';

/** Every screen of the app. Each feature adds its own entries here (path under the hash router). */
export interface AppRoute {
  path: string;
  element: ReactElement;
}

export const routes: AppRoute[] = [
  { path: '/', element: <GateScreen /> },
  { path: '/installation', element: <SetupScreen /> },
  { path: '/connexion', element: <SignInScreen /> },
  { path: '/referent/connexion', element: <ReferentSignInScreen /> },
  { path: '/referent', element: <ReferentArea /> },
  { path: '/accueil', element: <SessionHome /> },
  { path: '/demarches', element: <CatalogScreen /> },
  { path: '/demarches/:id', element: <FlowScreen /> },
  { path: '/pieces', element: <PiecesScreen /> },
  { path: '/fin', element: <EndOfSessionScreen /> },
  { path: '/enquete', element: <SurveyScreen /> },
  { path: '/recu', element: <ReceiptScreen /> },
];
