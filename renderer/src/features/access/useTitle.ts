import { useEffect } from 'react';

/** Each screen names itself in the window title (RGAA 8.6). */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Point numérique`;
  }, [title]);
}
