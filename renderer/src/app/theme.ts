import { createTheme } from '@mui/material/styles';
import { frFR } from '@mui/material/locale';

/**
 * A theme in the spirit of the State design system (DSFR): bleu France, rouge Marianne, square corners, clear
 * focus rings (RGAA), generous sizes. The Marianne typeface is reserved to State sites, so we fall back to the
 * system sans-serif.
 */
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#000091', contrastText: '#ffffff' },
      secondary: { main: '#e1000f', contrastText: '#ffffff' },
      error: { main: '#ce0500' },
      success: { main: '#18753c' },
      warning: { main: '#b34000' },
      info: { main: '#0063cb' },
      text: { primary: '#161616', secondary: '#3a3a3a' },
      background: { default: '#f6f6f6', paper: '#ffffff' },
    },
    shape: { borderRadius: 4 },
    typography: {
      fontFamily: 'Marianne, "Segoe UI", Arial, "Helvetica Neue", sans-serif',
      fontSize: 16,
      button: { textTransform: 'none', fontWeight: 500 },
      h1: { fontSize: '2rem', fontWeight: 700 },
      h2: { fontSize: '1.5rem', fontWeight: 700 },
      h3: { fontSize: '1.25rem', fontWeight: 700 },
    },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiCssBaseline: {
        styleOverrides: {
          // A focus ring everyone can see, on every focusable element (RGAA 10.7).
          '*:focus-visible': { outline: '2px solid #0a76f6 !important', outlineOffset: '2px' },
          '.skip-link': { position: 'absolute', left: -9999, top: 0, zIndex: 2000, padding: 8, background: '#fff' },
          '.skip-link:focus': { left: 8 },
        },
      },
    },
  },
  frFR,
);
