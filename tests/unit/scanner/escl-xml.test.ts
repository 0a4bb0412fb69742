import { describe, expect, it } from 'vitest';
import {
  EsclXmlError,
  parseCapabilities,
  parseScanSettings,
  parseStatus,
  scanSettingsXml,
} from '../../../main/scanner/escl-xml';

const CAPS = `<?xml version="1.0"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:MakeAndModel>HP Color LaserJet MFP</pwg:MakeAndModel>
  <scan:UUID>urn:uuid:1C852A4D-B800-1F08-ABCD-AC9B0A5EB1A6</scan:UUID>
  <scan:Adf><scan:AdfSimplexInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>4200</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:ResolutionRange><scan:XResolution><scan:Min>100</scan:Min><scan:Max>600</scan:Max></scan:XResolution></scan:ResolutionRange></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:AdfSimplexInputCaps></scan:Adf>
</scan:ScannerCapabilities>`;

describe('eSCL documents', () => {
  it('reads a feeder-only scanner with a resolution range and a urn:uuid', () => {
    const caps = parseCapabilities(CAPS);
    expect(caps.uuid).toBe('1c852a4d-b800-1f08-abcd-ac9b0a5eb1a6');
    expect(caps.makeAndModel).toBe('HP Color LaserJet MFP');
    expect(Object.keys(caps.sources)).toEqual(['adf']);
    expect(caps.sources.adf).toMatchObject({ resolutions: [100, 150, 200, 300, 600], formats: ['image/jpeg'] });
  });

  it('refuses a document with a DOCTYPE (entities) and one that is not capabilities', () => {
    expect(() => parseCapabilities('<!DOCTYPE x [<!ENTITY a "b">]><scan:ScannerCapabilities/>')).toThrow(EsclXmlError);
    expect(() => parseCapabilities('<html><body>login</body></html>')).toThrow(EsclXmlError);
    expect(() => parseCapabilities('not xml at all <')).toThrow(EsclXmlError);
  });

  it('reads the feeder state and the jobs of a status', () => {
    const status = parseStatus(`<scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>Idle</pwg:State>
      <scan:AdfState>ScannerAdfJam</scan:AdfState><scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/1</pwg:JobUri>
      <pwg:JobState>Canceled</pwg:JobState><pwg:JobStateReasons><pwg:JobStateReason>JobCanceledByUser</pwg:JobStateReason></pwg:JobStateReasons></scan:JobInfo></scan:Jobs></scan:ScannerStatus>`);
    expect(status).toEqual({
      state: 'Idle',
      adf: 'jam',
      jobs: [{ uri: '/eSCL/ScanJobs/1', state: 'Canceled', reasons: ['JobCanceledByUser'] }],
    });
  });

  it('writes ScanSettings that read back the same', () => {
    const settings = {
      source: 'adf-duplex',
      colorMode: 'Grayscale8',
      resolution: 300,
      width: 2480,
      height: 3508,
      format: 'image/jpeg',
    } as const;
    expect(parseScanSettings(scanSettingsXml(settings))).toEqual({ ...settings, input: 'Feeder' });
  });
});
