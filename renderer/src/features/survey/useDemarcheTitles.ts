import { useEffect, useState } from 'react';
import { api } from '../../api';

/**
 * Titles of the catalog's démarches by identifier (the log keeps identifiers only). Falls back to the identifier
 * for a démarche the catalog no longer has.
 */
export function useDemarcheTitles(): (id: string) => string {
  const [titles, setTitles] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let current = true;
    void api()
      .flow.catalog({ includeHidden: true })
      .then((result) => {
        if (current && result.ok) setTitles(new Map(result.value.demarches.map((d) => [d.id, d.title])));
      });
    return () => {
      current = false;
    };
  }, []);
  return (id: string) => titles.get(id) ?? id;
}
