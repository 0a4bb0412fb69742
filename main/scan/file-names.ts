/**
 * File names come from outside (the scanner, the usager's phone, a drag and drop): they may hold path separators,
 * control characters or be absurdly long. They are only ever shown, never used as a path. Pure.
 */
const MAX_NAME = 120;

/** A name safe to show and to offer as an upload file name: no separators, no control characters. */
export function safeName(raw: string): string {
  const lastPart =
    raw
      .split(/[/\\]/)
      .filter((part) => part.length > 0)
      .pop() ?? '';
  const cleaned = lastPart
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const name = cleaned.length > 0 ? cleaned : 'document';
  if (name.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME - extension.length) + extension;
}

/** The name without its extension, to build the upload file name with the right one. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Upload name: a plain name with the extension of what is really sent. */
export function uploadName(label: string, extension: string): string {
  const base = safeName(baseName(label))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 _.-]/g, '_')
    .replace(/ /g, '_')
    .slice(0, 80);
  return `${base || 'document'}.${extension}`;
}
