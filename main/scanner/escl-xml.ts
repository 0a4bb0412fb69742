import { DOMParser } from '@xmldom/xmldom';

/**
 * eSCL's XML documents (Mopria eSCL / HP's "scan" schema, PWG's "pwg" one): ScannerCapabilities and
 * ScannerStatus read, ScanSettings written. Pure functions, no I/O. Element names are matched on their local
 * name, whatever prefix a device chose (devices differ). Sizes are in 300ths of an inch, as the protocol counts.
 */

export type SourceName = 'platen' | 'adf' | 'adf-duplex';
export type ColorMode = 'RGB24' | 'Grayscale8' | 'BlackAndWhite1';

export interface SourceCapabilities {
  colorModes: ColorMode[];
  resolutions: number[];
  formats: string[];
  /** 300ths of an inch. */
  maxWidth: number;
  maxHeight: number;
}

export interface ScannerCapabilities {
  makeAndModel: string;
  uuid: string | null;
  serialNumber: string | null;
  sources: Partial<Record<SourceName, SourceCapabilities>>;
}

export type AdfState = 'loaded' | 'empty' | 'jam' | 'open' | 'processing' | 'unknown' | null;

export interface ScannerStatus {
  state: 'Idle' | 'Processing' | 'Testing' | 'Stopped' | 'Down' | 'unknown';
  adf: AdfState;
  jobs: Array<{ uri: string; state: string; reasons: string[] }>;
}

export class EsclXmlError extends Error {}

const SCAN_NS = 'http://schemas.hp.com/imaging/escl/2011/05/03';
const PWG_NS = 'http://www.pwg.org/schemas/2010/12/sm';
/** Capabilities and status documents are a few kilobytes; anything far larger is not from a scanner. */
const MAX_XML_CHARS = 1_000_000;

function parse(text: string, root: string): Element {
  if (text.length > MAX_XML_CHARS) throw new EsclXmlError('document too large');
  // A DOCTYPE could declare entities; no scanner needs one.
  if (/<!DOCTYPE/i.test(text)) throw new EsclXmlError('doctype refused');
  let failed = false;
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: () => (failed = true), fatalError: () => (failed = true) },
  }).parseFromString(text, 'text/xml');
  const element = doc?.documentElement as unknown as Element | null;
  if (failed || !element || element.localName !== root) throw new EsclXmlError(`missing ${root}`);
  return element;
}

function kids(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
}

function kid(parent: Element | undefined, ...path: string[]): Element | undefined {
  let current = parent;
  for (const name of path) current = current ? kids(current, name)[0] : undefined;
  return current;
}

function text(parent: Element | undefined, ...path: string[]): string | null {
  const element = kid(parent, ...path);
  return element ? (element.textContent ?? '').trim() : null;
}

function int(value: string | null): number {
  const number = value && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) ? number : 0;
}

function clean(value: string | null, max = 120): string | null {
  if (value === null) return null;
  // eslint-disable-next-line no-control-regex
  const stripped = value.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);
  return stripped.length > 0 ? stripped : null;
}

function sourceCaps(caps: Element | undefined): SourceCapabilities | undefined {
  if (!caps) return undefined;
  const colorModes = new Set<ColorMode>();
  const resolutions = new Set<number>();
  const formats = new Set<string>();
  for (const profile of kids(kid(caps, 'SettingProfiles') ?? caps, 'SettingProfile')) {
    for (const mode of kids(kid(profile, 'ColorModes') ?? profile, 'ColorMode')) {
      const value = (mode.textContent ?? '').trim();
      if (value === 'RGB24' || value === 'Grayscale8' || value === 'BlackAndWhite1') colorModes.add(value);
    }
    const formatsEl = kid(profile, 'DocumentFormats');
    for (const name of ['DocumentFormat', 'DocumentFormatExt']) {
      for (const format of formatsEl ? kids(formatsEl, name) : []) {
        const value = (format.textContent ?? '').trim().toLowerCase();
        if (/^[a-z]+\/[a-z0-9.+-]{1,40}$/.test(value)) formats.add(value);
      }
    }
    const supported = kid(profile, 'SupportedResolutions');
    for (const discrete of kids(kid(supported, 'DiscreteResolutions') ?? supported ?? profile, 'DiscreteResolution')) {
      const x = int(text(discrete, 'XResolution'));
      const y = int(text(discrete, 'YResolution'));
      if (x > 0 && x === y && x <= 4800) resolutions.add(x);
    }
    const range = kid(supported, 'ResolutionRange', 'XResolution');
    if (range && resolutions.size === 0) {
      const min = int(text(range, 'Min'));
      const max = Math.min(int(text(range, 'Max')), 4800);
      for (const common of [75, 100, 150, 200, 300, 600, 1200])
        if (common >= min && common <= max) resolutions.add(common);
    }
  }
  if (colorModes.size === 0 || resolutions.size === 0) return undefined;
  return {
    colorModes: [...colorModes],
    resolutions: [...resolutions].sort((a, b) => a - b),
    formats: [...formats],
    maxWidth: int(text(caps, 'MaxWidth')),
    maxHeight: int(text(caps, 'MaxHeight')),
  };
}

export function parseCapabilities(xml: string): ScannerCapabilities {
  const root = parse(xml, 'ScannerCapabilities');
  const sources: ScannerCapabilities['sources'] = {};
  const platen = sourceCaps(kid(root, 'Platen', 'PlatenInputCaps'));
  if (platen) sources.platen = platen;
  const adf = sourceCaps(kid(root, 'Adf', 'AdfSimplexInputCaps'));
  if (adf) sources.adf = adf;
  const duplex = sourceCaps(kid(root, 'Adf', 'AdfDuplexInputCaps'));
  if (duplex) sources['adf-duplex'] = duplex;
  if (Object.keys(sources).length === 0) throw new EsclXmlError('no usable source');
  const uuid = text(root, 'UUID');
  return {
    makeAndModel: clean(text(root, 'MakeAndModel')) ?? clean(text(root, 'ModelName')) ?? 'Scanner eSCL',
    uuid: uuid && /^(urn:uuid:)?[0-9a-fA-F-]{8,64}$/.test(uuid) ? uuid.replace(/^urn:uuid:/, '').toLowerCase() : null,
    serialNumber: clean(text(root, 'SerialNumber'), 64),
    sources,
  };
}

const ADF_STATES: Record<string, AdfState> = {
  ScannerAdfLoaded: 'loaded',
  ScannerAdfEmpty: 'empty',
  ScannerAdfJam: 'jam',
  ScannerAdfMultipickDetected: 'jam',
  ScannerAdfDoorOpen: 'open',
  ScannerAdfHatchOpen: 'open',
  ScannerAdfProcessing: 'processing',
};

export function parseStatus(xml: string): ScannerStatus {
  const root = parse(xml, 'ScannerStatus');
  const state = text(root, 'State');
  const adf = text(root, 'AdfState');
  return {
    state:
      state === 'Idle' || state === 'Processing' || state === 'Testing' || state === 'Stopped' || state === 'Down'
        ? state
        : 'unknown',
    adf: adf === null ? null : (ADF_STATES[adf] ?? 'unknown'),
    jobs: kids(kid(root, 'Jobs') ?? root, 'JobInfo').map((job) => ({
      uri: text(job, 'JobUri') ?? '',
      state: text(job, 'JobState') ?? '',
      reasons: kids(kid(job, 'JobStateReasons') ?? job, 'JobStateReason').map((r) => (r.textContent ?? '').trim()),
    })),
  };
}

export interface ScanSettings {
  source: SourceName;
  colorMode: ColorMode;
  resolution: number;
  /** 300ths of an inch: the whole bed of the chosen source. */
  width: number;
  height: number;
  format: string;
}

export function scanSettingsXml(settings: ScanSettings): string {
  const input = settings.source === 'platen' ? 'Platen' : 'Feeder';
  const duplex = settings.source === 'platen' ? '' : `<scan:Duplex>${settings.source === 'adf-duplex'}</scan:Duplex>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<scan:ScanSettings xmlns:scan="${SCAN_NS}" xmlns:pwg="${PWG_NS}">` +
    `<pwg:Version>2.0</pwg:Version>` +
    `<pwg:ScanRegions><pwg:ScanRegion>` +
    `<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>` +
    `<pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>` +
    `<pwg:Width>${Math.round(settings.width)}</pwg:Width><pwg:Height>${Math.round(settings.height)}</pwg:Height>` +
    `</pwg:ScanRegion></pwg:ScanRegions>` +
    `<pwg:InputSource>${input}</pwg:InputSource>` +
    `<scan:ColorMode>${settings.colorMode}</scan:ColorMode>` +
    `<pwg:DocumentFormat>${settings.format}</pwg:DocumentFormat>` +
    `<scan:XResolution>${settings.resolution}</scan:XResolution>` +
    `<scan:YResolution>${settings.resolution}</scan:YResolution>` +
    duplex +
    `</scan:ScanSettings>`
  );
}

/** For the test scanner: reads back what a client asked (the test checks our request and sane-airscan's). */
export function parseScanSettings(xml: string): Partial<ScanSettings> & { input: string | null } {
  const root = parse(xml, 'ScanSettings');
  const input = text(root, 'InputSource');
  const duplex = text(root, 'Duplex') === 'true';
  const region = kid(root, 'ScanRegions', 'ScanRegion');
  return {
    input,
    source: input === 'Feeder' ? (duplex ? 'adf-duplex' : 'adf') : 'platen',
    colorMode: (text(root, 'ColorMode') as ColorMode | null) ?? undefined,
    resolution: int(text(root, 'XResolution')) || undefined,
    width: int(text(region, 'Width')) || undefined,
    height: int(text(region, 'Height')) || undefined,
    format: text(root, 'DocumentFormat') ?? text(root, 'DocumentFormatExt') ?? undefined,
  };
}
