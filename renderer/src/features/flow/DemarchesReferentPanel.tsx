import { Alert, Box, Chip, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { DemarcheSummary, Result } from '../../../../preload/api';
import { api } from '../../api';
import { refusal, useAction, useQuery } from '../../app/data';
import { useConfig } from '../config/ConfigContext';
import { SaveBar } from '../config/SaveBar';

/**
 * Référent: which démarches the counter shows, and the station's local démarches (JSON, checked by the same schema
 * as the catalog; a wrong one is refused with the field named).
 */
export function DemarchesReferentPanel() {
  const { config, save } = useConfig();
  const section = config.demarches;
  const catalog = useQuery('catalog-referent', () => api().flow.catalog({ includeHidden: true }));
  const [hidden, setHidden] = useState<string[]>(() => section.hidden);
  const [localText, setLocalText] = useState(() => JSON.stringify(section.local, null, 2));
  // One message for the panel, under its button. Every change goes to main (a démarche shown, then another hidden)
  // and the latest one's outcome is shown. `save` throws main's refusal, which the action shows as it is.
  const saving = useAction((work: () => Promise<Result<string>>) => work(), {
    success: (text) => text,
    overlap: 'latest',
  });

  const toggle = (id: string, shown: boolean) => {
    const next = shown ? hidden.filter((other) => other !== id) : [...hidden, id];
    setHidden(next);
    void saving.run(async () => {
      await save({ demarches: { hidden: next } });
      void catalog.reload();
      return { ok: true, value: shown ? 'La démarche est affichée.' : 'La démarche est masquée.' };
    });
  };

  const submitLocal = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      let local: unknown;
      try {
        local = JSON.parse(localText || '[]');
      } catch {
        return refusal("Le texte n'est pas un JSON valide. Vérifiez les guillemets et les virgules.");
      }
      if (!Array.isArray(local)) return refusal('Le texte doit être une liste entre crochets [ ... ].');
      await save({ demarches: { local } });
      const next = await api().flow.catalog({ includeHidden: true });
      if (!next.ok) return next;
      catalog.setData(next.value);
      const refused = next.value.problems.length;
      return {
        ok: true,
        value:
          refused > 0
            ? `Enregistré, mais ${refused} démarche(s) locale(s) refusée(s) : voir la liste ci-dessous.`
            : 'Les démarches locales sont enregistrées.',
      };
    });
  };
  // A catalog that could not be read is not shown half-true: its error is, in its place.
  const shownCatalog = catalog.error ? null : catalog.data;

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h2">Démarches</Typography>
      <Typography>
        Masquez les démarches que ce poste ne propose pas. Elles restent dans le catalogue et peuvent être réaffichées.
      </Typography>
      {catalog.error && (
        <Alert severity="error" role="alert">
          {catalog.error.message}
        </Alert>
      )}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Démarches du catalogue">
        {shownCatalog?.demarches.map((d) => (
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
            <DemarcheSources demarche={d} />
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
          <SaveBar busy={saving.busy} message={saving.message} label="Enregistrer les démarches locales" />
        </Stack>
      </Box>
      {shownCatalog && shownCatalog.problems.length > 0 && (
        <Alert severity="warning" data-testid="catalog-problems">
          <ul>
            {shownCatalog.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  );
}

/** Where a démarche's facts come from and the day they were checked, so the référent can check them again. */
function DemarcheSources({ demarche }: { demarche: DemarcheSummary }) {
  const day = demarche.verifiedOn.split('-').reverse().join('/');
  return (
    <Typography variant="body2" component="div" sx={{ ml: 6, color: 'text.secondary' }}>
      Vérifié le {day}. Sources :{' '}
      {demarche.sources.map((source, index) => (
        <span key={source.ref}>
          {index > 0 && ' ; '}
          {source.title} ({source.ref}
          {source.date && `, texte du ${source.date.split('-').reverse().join('/')}`})
        </span>
      ))}
    </Typography>
  );
}
