/**
 * The objects of a PDF read from its raw bytes, for the plain files pdf-page-jpeg.ts looks at: values (numbers,
 * names, references, arrays, dictionaries; strings kept as written), objects found by their "num gen obj", streams
 * as written. Bounded: nesting depth, and a lookup follows a few references at most. Only Node built-ins (runs in
 * the PDF worker thread).
 */
export type Value = number | boolean | null | string | Name | Ref | Value[] | Dict;
export interface Name {
  name: string;
}
export interface Ref {
  num: number;
  gen: number;
}
export type Dict = Map<string, Value>;

const OBJ = /(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
const TOKEN =
  /\s*(?:%[^\r\n]*[\r\n]\s*)*(<<|>>|\[|\]|\/[^\s/<>[\]()%{}]*|\((?:\\.|[^\\()])*\)|<[0-9a-fA-F\s]*>|[^\s/<>[\]()%{}]+)/y;
const MAX_DEPTH = 16;
export const isName = (value: Value | undefined, name?: string): value is Name =>
  typeof value === 'object' && value !== null && 'name' in value && (name === undefined || value.name === name);
export const isRef = (value: Value | undefined): value is Ref =>
  typeof value === 'object' && value !== null && 'num' in value;
export const isDict = (value: Value | undefined): value is Dict => value instanceof Map;

/** The objects of a PDF as written (the last definition wins, as incremental updates append), for lookups. */
export class RawPdf {
  readonly text: string;
  private readonly offsets = new Map<string, number>();

  constructor(private readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    for (const found of this.text.matchAll(OBJ)) {
      this.offsets.set(`${found[1]} ${found[2]}`, found.index + found[0].length);
    }
  }

  /** A value, with references followed (a few levels: a chain of references is not a plain file). */
  resolve(value: Value | undefined, depth = 0): Value | undefined {
    if (!isRef(value) || depth > 4) return isRef(value) ? undefined : value;
    const at = this.offsets.get(`${value.num} ${value.gen}`);
    if (at === undefined) return undefined;
    return this.resolve(parseValue(this.text, at)?.value, depth + 1);
  }

  dict(value: Value | undefined): Dict | null {
    const found = this.resolve(value);
    return isDict(found) ? found : null;
  }

  number(value: Value | undefined): number | null {
    const found = this.resolve(value);
    return typeof found === 'number' ? found : null;
  }

  /** The raw bytes of a stream object (its filters not applied), or null. */
  stream(ref: Value | undefined): { dict: Dict; data: Uint8Array } | null {
    if (!isRef(ref)) return null;
    const at = this.offsets.get(`${ref.num} ${ref.gen}`);
    if (at === undefined) return null;
    const parsed = parseValue(this.text, at);
    if (!parsed || !isDict(parsed.value)) return null;
    const keyword = /\s*stream(\r\n|\n)/y;
    keyword.lastIndex = parsed.end;
    const opened = keyword.exec(this.text);
    const length = this.number(parsed.value.get('Length'));
    if (!opened || length === null || length < 0) return null;
    const start = keyword.lastIndex;
    if (start + length > this.bytes.length) return null;
    const closing = /\s*endstream/y;
    closing.lastIndex = start + length;
    if (!closing.test(this.text)) return null;
    return { dict: parsed.value, data: this.bytes.subarray(start, start + length) };
  }
}

export function parseValue(text: string, from: number, depth = 0): { value: Value; end: number } | null {
  if (depth > MAX_DEPTH) return null;
  TOKEN.lastIndex = from;
  const found = TOKEN.exec(text);
  if (!found) return null;
  const token = found[1]!;
  let end = TOKEN.lastIndex;
  if (token === '<<') {
    const dict: Dict = new Map();
    for (;;) {
      TOKEN.lastIndex = end;
      const next = TOKEN.exec(text);
      if (!next) return null;
      if (next[1] === '>>') return { value: dict, end: TOKEN.lastIndex };
      if (!next[1]!.startsWith('/')) return null;
      const item = parseValue(text, TOKEN.lastIndex, depth + 1);
      if (!item) return null;
      dict.set(next[1]!.slice(1), item.value);
      end = item.end;
    }
  }
  if (token === '[') {
    const items: Value[] = [];
    for (;;) {
      TOKEN.lastIndex = end;
      const next = TOKEN.exec(text);
      if (!next) return null;
      if (next[1] === ']') return { value: items, end: TOKEN.lastIndex };
      const item = parseValue(text, end, depth + 1);
      if (!item) return null;
      items.push(item.value);
      end = item.end;
    }
  }
  if (token.startsWith('/')) return { value: { name: token.slice(1) }, end };
  if (token.startsWith('(') || token.startsWith('<')) return { value: token, end };
  if (token === 'true' || token === 'false') return { value: token === 'true', end };
  if (token === 'null') return { value: null, end };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) return null;
  // "num gen R" is a reference.
  const reference = /\s+(\d{1,5})\s+R\b/y;
  reference.lastIndex = end;
  const ref = /^\d+$/.test(token) ? reference.exec(text) : null;
  if (ref) return { value: { num: Number(token), gen: Number(ref[1]) }, end: reference.lastIndex };
  return { value: Number(token), end };
}
