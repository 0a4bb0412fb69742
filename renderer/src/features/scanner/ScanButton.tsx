import DocumentScannerIcon from '@mui/icons-material/DocumentScanner';
import { Button } from '@mui/material';
import { useState } from 'react';
import { api } from '../../api';
import { useQuery } from '../../app/data';
import { ScanDialog, type ScanTarget } from './ScanDialog';

/** One read of "is a network scanner set up?" shared by every button of the screen (not one per pièce). */
let configured: { at: number; value: Promise<boolean> } | null = null;
function scannerConfigured(): Promise<boolean> {
  if (!configured || Date.now() - configured.at > 10_000) {
    configured = {
      at: Date.now(),
      value: api()
        .scanner.state()
        .then((reply) => reply.ok && reply.value.configured)
        .catch(() => false),
    };
  }
  return configured.value;
}

/** "Numériser" for a pièce (or the Pièces panel): shown only when the référent set up a network scanner. */
export function ScanButton({ target, size = 'large' }: { target: ScanTarget; size?: 'small' | 'large' }) {
  const configured = useQuery('scanner-configured', async () => ({
    ok: true as const,
    value: await scannerConfigured(),
  }));
  const available = configured.data ?? false;
  const [open, setOpen] = useState(false);
  if (!available) return null;
  return (
    <>
      <Button
        variant={size === 'large' ? 'contained' : 'outlined'}
        size={size}
        startIcon={<DocumentScannerIcon />}
        onClick={() => setOpen(true)}
        aria-label={target.label ? `Numériser : ${target.label}` : 'Numériser'}
      >
        Numériser
      </Button>
      {open && <ScanDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
