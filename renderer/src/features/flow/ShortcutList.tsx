import { Box, Typography } from '@mui/material';

/** The screen's keyboard shortcuts, always visible. */
export function ShortcutList({
  shortcuts,
  title = 'Raccourcis clavier',
}: {
  shortcuts: Array<{ keys: string; label: string }>;
  title?: string;
}) {
  return (
    <Box
      component="section"
      aria-labelledby="raccourcis-titre"
      sx={{ p: 2, border: '1px solid #ddd', bgcolor: '#fff' }}
    >
      <Typography id="raccourcis-titre" variant="h3" component="h2" sx={{ fontSize: '1rem', mb: 1 }}>
        {title}
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5 }}>
        {shortcuts.map((shortcut) => (
          <Box key={shortcut.keys} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
              <kbd>{shortcut.keys}</kbd>
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              {shortcut.label}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
