import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { DemarcheCategory } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { useTitle } from '../access/useTitle';
import { OUTCOME_LABELS } from './labels';
import { ScreenReaderText } from './ScreenReaderText';
import { ShortcutList } from './ShortcutList';

/** '/demarches': choose the usager's démarche — search (accents and capitals do not matter) and categories. */
export function CatalogScreen() {
  useTitle('Choisir la démarche');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<DemarcheCategory | 'toutes'>('toutes');
  // The previous search's list stays shown while the next one is read; only the latest reply is applied.
  const catalog = useQuery(`catalog:${query}`, () => api().flow.catalog({ query }));
  const started = useQuery('entries', () => api().flow.list());
  // The whole catalog, whatever the search: which of the session's démarches are local (a local one may carry an
  // official title, so two rows of the same title must say which is which).
  const everything = useQuery('catalog-all', () => api().flow.catalog({}));
  const localIds = new Set((everything.data?.demarches ?? []).filter((d) => d.local).map((d) => d.id));
  const entries = started.data ?? [];
  const start = useAction((demarcheId: string) => api().flow.start({ demarcheId }), {
    onSuccess: (entry) => navigate(`/demarches/${entry.demarcheId}?k=${entry.key}`),
  });
  const error = start.error ?? catalog.error;
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const shown = (catalog.data?.demarches ?? []).filter((d) => category === 'toutes' || d.category === category);

  return (
    <Stack spacing={3}>
      <Typography variant="h1">Choisir la démarche</Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error.message}
        </Alert>
      )}
      {entries.length > 0 && (
        <Box component="section" aria-labelledby="en-cours-titre">
          <Typography id="en-cours-titre" variant="h2" sx={{ mb: 1 }}>
            Démarches de cet accompagnement
          </Typography>
          <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {entries.map((entry) => (
              <Stack component="li" key={entry.key} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Typography sx={{ flexGrow: 1 }}>{entry.title}</Typography>
                {localIds.has(entry.demarcheId) && <Chip label="Démarche locale" variant="outlined" />}
                <Chip label={entry.outcome ? OUTCOME_LABELS[entry.outcome.kind] : 'En cours'} />
                <Button component={RouterLink} to={`/demarches/${entry.demarcheId}?k=${entry.key}`} variant="outlined">
                  Reprendre <ScreenReaderText>&nbsp;: {entry.title}</ScreenReaderText>
                </Button>
              </Stack>
            ))}
          </Stack>
        </Box>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-end' } }}>
        <TextField
          inputRef={search}
          label="Rechercher une démarche"
          helperText="Par exemple : carte grise, permis, passeport. Les accents et les majuscules ne comptent pas."
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'catalog-search', type: 'search' } }}
        />
      </Stack>
      <ToggleButtonGroup
        value={category}
        exclusive
        onChange={(_event, value: DemarcheCategory | 'toutes' | null) => value && setCategory(value)}
        aria-label="Catégorie de démarche"
        sx={{ flexWrap: 'wrap' }}
      >
        <ToggleButton value="toutes" sx={{ px: 3 }}>
          Toutes
        </ToggleButton>
        {(catalog.data?.categories ?? []).map((c) => (
          <ToggleButton key={c.id} value={c.id} sx={{ px: 3 }}>
            {c.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div role="status" aria-live="polite" data-testid="catalog-count">
        {catalog.data &&
          `${shown.length} démarche${shown.length > 1 ? 's' : ''} trouvée${shown.length > 1 ? 's' : ''}.`}
      </div>
      <Box
        component="ul"
        aria-label="Démarches"
        sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }}
      >
        {shown.map((demarche) => (
          <Card component="li" key={demarche.id} variant="outlined" data-testid={`demarche-${demarche.id}`}>
            <CardContent>
              <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
                {demarche.title}
              </Typography>
              <Typography color="text.secondary" sx={{ mb: 1 }}>
                {demarche.forWhom}
              </Typography>
              <Typography>{demarche.summary[0]}</Typography>
              {demarche.local && <Chip label="Démarche locale" size="small" sx={{ mt: 1 }} />}
            </CardContent>
            <CardActions>
              <Button variant="contained" size="large" onClick={() => void start.run(demarche.id)}>
                Commencer <ScreenReaderText>&nbsp;: {demarche.title}</ScreenReaderText>
              </Button>
            </CardActions>
          </Card>
        ))}
      </Box>
      <ShortcutList
        shortcuts={[
          { keys: '/', label: 'Aller à la recherche' },
          { keys: 'Tab', label: 'Passer à la démarche suivante' },
          { keys: 'Entrée', label: 'Commencer la démarche choisie' },
        ]}
      />
    </Stack>
  );
}
