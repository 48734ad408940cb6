/**
 * Just enough XML for the parts of a workbook we read. Workbooks are machine-written, so regular expressions over the
 * text are reliable and far faster than building a DOM; element names may carry a namespace prefix (`x:c`), which
 * some generators write.
 */
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// OOXML escapes characters XML cannot hold (and some it can, like CR) as _xHHHH_
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeText(s: string): string {
  let out = s.indexOf('&') >= 0 ? s.replace(ENTITY, (_, name, dec, hex) => (name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))) : s;
  if (out.indexOf('_x') >= 0) out = out.replace(OOXML_ESCAPE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** Attributes of one start tag, e.g. `<c r="A1" t="s">` → { r: 'A1', t: 's' }; prefixes on names are dropped. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('xmlns') ? m[1]!.slice(m[1]!.indexOf(':') + 1) : m[1]!;
    out[name] = decodeText(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Every element `<name …>…</name>` or `<name …/>` (any prefix): its start tag and inner XML. */
export function* elements(xml: string, name: string): Generator<{ tag: string; inner: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) yield { tag: m[0].slice(0, m[0].indexOf('>') + 1), inner: m[1] ?? '' };
}

/** The concatenated text of the `<t>` runs in a string item, leaving out phonetic (`<rPh>`) runs. */
export function runText(inner: string): string {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : inner;
  let text = '';
  const re = /<(?:[\w.-]+:)?t(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) text += m[1] ?? '';
  return decodeText(text);
}
