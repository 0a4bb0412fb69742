import { api } from '../../api';
import { useQuery } from '../../app/data';

/**
 * Titles of the catalog's démarches by identifier (the log keeps identifiers only). Falls back to the identifier
 * for a démarche the catalog no longer has (or while the catalog is read).
 */
export function useDemarcheTitles(): (id: string) => string {
  const catalog = useQuery('catalog:all', () => api().flow.catalog({ includeHidden: true }));
  const titles = new Map((catalog.data?.demarches ?? []).map((d) => [d.id, d.title]));
  return (id: string) => titles.get(id) ?? id;
}
