import { Box } from '@mui/material';
import type { ReceiptPreview as Preview, ReceiptPreviewLine } from '../../../../preload/api';

/**
 * The receipt exactly as it prints: the lines laid out by main/print/layout.ts, in a monospace font, one column per
 * character of the printer (32, 42 or 48), and the QR code drawn from its modules.
 */
export function ReceiptPreview({ preview }: { preview: Preview }) {
  return (
    <Box
      role="region"
      aria-label="Aperçu du reçu"
      data-testid="receipt-preview"
      data-width={preview.width}
      sx={{
        fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Consolas, "Courier New", monospace',
        fontSize: '15px',
        lineHeight: 1.35,
        width: `calc(${preview.width}ch + 32px)`,
        maxWidth: '100%',
        overflowX: 'auto',
        p: 2,
        bgcolor: '#fff',
        color: '#000',
        border: '1px solid #bbb',
        boxShadow: '0 2px 6px rgba(0,0,0,0.15)',
      }}
    >
      {preview.lines.map((line, index) => (
        <PreviewLine key={index} line={line} />
      ))}
    </Box>
  );
}

function PreviewLine({ line }: { line: ReceiptPreviewLine }) {
  if (line.kind === 'qr') return <QrCode size={line.size} modules={line.modules} payload={line.payload} />;
  return (
    <Box
      data-testid="receipt-line"
      sx={{
        whiteSpace: 'pre',
        fontWeight: line.bold || line.tall ? 700 : 400,
        transform: line.tall ? 'scaleY(2)' : undefined,
        transformOrigin: 'top',
        mb: line.tall ? '1.35em' : 0,
        minHeight: '1.35em',
      }}
    >
      {line.text}
    </Box>
  );
}

function QrCode({ size, modules, payload }: { size: number; modules: string; payload: string }) {
  const cells: Array<{ x: number; y: number }> = [];
  for (let i = 0; i < modules.length; i++) if (modules[i] === '1') cells.push({ x: i % size, y: Math.floor(i / size) });
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', my: 1 }} data-testid="receipt-qr" data-payload={payload}>
      <svg
        role="img"
        aria-label={`QR code vers ${payload}`}
        viewBox={`-2 -2 ${size + 4} ${size + 4}`}
        width={150}
        height={150}
        shapeRendering="crispEdges"
      >
        <rect x={-2} y={-2} width={size + 4} height={size + 4} fill="#fff" />
        {cells.map((cell) => (
          <rect key={`${cell.x}-${cell.y}`} x={cell.x} y={cell.y} width={1} height={1} fill="#000" />
        ))}
      </svg>
    </Box>
  );
}
