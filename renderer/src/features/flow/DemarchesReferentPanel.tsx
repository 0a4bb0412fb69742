import { Alert, Box, Chip, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { DemarcheSummary } from '../../../../preload/api';
import { api, call } from '../../api';
import { useConfig } from '../config/ConfigContext';
import { SaveBar } from '../config/SaveBar';
import { useSaver } from '../config/useSaver';

/**
 * Référent: which démarches the counter shows, and the station's local démarches (JSON, checked by the same schema
 * as the catalog; a wrong one is refused with the field named).
 */
export function DemarchesReferentPanel() {
  const { config, save } = useConfig();
  const section = config.demarches;
  const [catalog, setCatalog] = useState<{ demarches: DemarcheSummary[]; problems: string[] } | null>(null);
  const [hidden, setHidden] = useState<string[]>(() => section.hidden);
  const [localText, setLocalText] = useState(() => JSON.stringify(section.local, null, 2));
  const saver = useSaver();

  const load = useCallback(() => {
    void call(api().flow.catalog({ includeHidden: true })).then(setCatalog, () => setCatalog(null));
  }, []);
  useEffect(load, [load]);

  const toggle = (id: string, shown: boolean) => {
    const next = shown ? hidden.filter((other) => other !== id) : [...hidden, id];
    setHidden(next);
    void saver.run(async () => {
      await save({ demarches: { hidden: next } });
      load();
      return shown ? 'La démarche est affichée.' : 'La démarche est masquée.';
    });
  };

  const submitLocal = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(async () => {
      let local: unknown;
      try {
        local = JSON.parse(localText || '[]');
      } catch {
        throw new Error("Le texte n'est pas un JSON valide. Vérifiez les guillemets et les virgules.");
      }
      if (!Array.isArray(local)) throw new Error('Le texte doit être une liste entre crochets [ ... ].');
      await save({ demarches: { local } });
      const next = await call(api().flow.catalog({ includeHidden: true }));
      setCatalog(next);
      return next.problems.length > 0
        ? `Enregistré, mais ${next.problems.length} démarche(s) locale(s) refusée(s) : voir la liste ci-dessous.`
        : 'Les démarches locales sont enregistrées.';
    });
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h2">Démarches</Typography>
      <Typography>
        Masquez les démarches que ce poste ne propose pas. Elles restent dans le catalogue et peuvent être réaffichées.
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Démarches du catalogue">
        {catalog?.demarches.map((d) => (
          <Box component="li" key={d.id} sx={{ py: 0.5, borderBottom: '1px solid #eee' }}>
            <FormControlLabel
              control={
                <Switch checked={!hidden.includes(d.id)} onChange={(event) => toggle(d.id, event.target.checked)} />
              }
              label={
                <span>
                  {d.title} {d.local && <Chip size="small" label="Locale" />}
                </span>
              }
            />
          </Box>
        ))}
      </Box>
      <Box component="form" noValidate onSubmit={submitLocal}>
        <Stack spacing={2}>
          <Typography variant="h3">Démarches locales</Typography>
          <Typography variant="body2">
            Une liste JSON de démarches, au même format que les fichiers du catalogue (resources/demarches). Les
            adresses doivent être dans la liste des sites officiels autorisés.
          </Typography>
          <TextField
            label="Démarches locales (JSON)"
            multiline
            minRows={6}
            value={localText}
            onChange={(event) => setLocalText(event.target.value)}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          <SaveBar busy={saver.busy} message={saver.message} label="Enregistrer les démarches locales" />
        </Stack>
      </Box>
      {catalog && catalog.problems.length > 0 && (
        <Alert severity="warning" data-testid="catalog-problems">
          <ul>
            {catalog.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  );
}
