import type { ReactElement } from 'react';
import { HomeScreen } from '../features/app/HomeScreen';

/** Every screen of the app. Each feature adds its own entries here (path under the hash router). */
export interface AppRoute {
  path: string;
  element: ReactElement;
}

export const routes: AppRoute[] = [{ path: '/', element: <HomeScreen /> }];
