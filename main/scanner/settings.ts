import type { ScannerDescription, ScannerSourceId } from '../../preload/contract/scanner';
import type { ColorMode, ScanSettings, ScannerCapabilities, SourceCapabilities } from './escl-xml';
import { scannerFault } from './faults';

/** A4 in 300ths of an inch: the largest region asked for (a bigger bed still scans an A4 pièce). */
const A4 = { width: 2480, height: 3508 };

const MODES: Record<ColorMode, 'color' | 'grayscale' | 'blackwhite'> = {
  RGB24: 'color',
  Grayscale8: 'grayscale',
  BlackAndWhite1: 'blackwhite',
};

const mm = (threeHundredths: number) => Math.round((threeHundredths * 25.4) / 300);

/** What the référent and the mediator see of a scanner's capabilities. */
export function describe(
  caps: ScannerCapabilities,
  address: string,
  tls: boolean,
  fingerprint: string | null,
): ScannerDescription {
  return {
    address,
    name: caps.makeAndModel,
    uuid: caps.uuid,
    tls,
    fingerprint,
    sources: (['platen', 'adf', 'adf-duplex'] as const).flatMap((id) => {
      const source = caps.sources[id];
      if (!source) return [];
      return [
        {
          id,
          colorModes: source.colorModes.map((mode) => MODES[mode]),
          resolutions: source.resolutions.slice(0, 40),
          formats: source.formats.slice(0, 20),
          maxWidthMm: mm(source.maxWidth),
          maxHeightMm: mm(source.maxHeight),
        },
      ];
    }),
  };
}

function nearest(resolutions: number[], wanted: number): number {
  return resolutions.reduce((best, value) => (Math.abs(value - wanted) < Math.abs(best - wanted) ? value : best));
}

/** The job's settings from the counter's choice and what the device can do; a missing source is a French fault. */
export function settingsFor(
  caps: ScannerCapabilities,
  choice: { source: ScannerSourceId; colorMode: 'color' | 'grayscale'; resolution: number },
): ScanSettings {
  const source: SourceCapabilities | undefined = caps.sources[choice.source];
  if (!source) throw scannerFault('scanner_source_missing');
  const wanted: ColorMode = choice.colorMode === 'grayscale' ? 'Grayscale8' : 'RGB24';
  const colorMode = source.colorModes.includes(wanted)
    ? wanted
    : source.colorModes.includes('RGB24')
      ? 'RGB24'
      : source.colorModes[0]!;
  const format =
    ['image/jpeg', 'image/png', 'application/pdf'].find((type) => source.formats.includes(type)) ?? 'image/jpeg';
  return {
    source: choice.source,
    colorMode,
    resolution: nearest(source.resolutions, choice.resolution),
    width: source.maxWidth > 0 ? Math.min(source.maxWidth, A4.width) : A4.width,
    height: source.maxHeight > 0 ? Math.min(source.maxHeight, A4.height) : A4.height,
    format,
  };
}
