/**
 * Just enough XML for the parts of a workbook we read, without a DOM. Element names may carry a namespace prefix
 * (`x:c`), which some generators write. Everything here scans forward with indexOf and stops at the first element it
 * cannot close (a cut part holds nothing more to read): linear in the text whatever it holds, as a hostile file's
 * unclosed or deeply nested elements would make a backtracking regular expression quadratic.
 */
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// OOXML escapes characters XML cannot hold (and some it can, like CR) as _xHHHH_
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

const codePoint = (n: number): string => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

export function decodeText(s: string): string {
  let out = s.indexOf('&') >= 0 ? s.replace(ENTITY, (_, name, dec, hex) => (name ? NAMED[name]! : codePoint(dec ? Number(dec) : parseInt(hex, 16)))) : s;
  if (out.indexOf('_x') >= 0) out = out.replace(OOXML_ESCAPE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** a start tag longer than this is no workbook's (a few hundred characters at most): its attributes are not read */
const MAX_TAG = 16 * 1024;

/** Attributes of one start tag, e.g. `<c r="A1" t="s">` → { r: 'A1', t: 's' }; prefixes on names are dropped. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (tag.length > MAX_TAG) return out;
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('xmlns') ? m[1]!.slice(m[1]!.indexOf(':') + 1) : m[1]!;
    out[name] = decodeText(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Where the start tag whose attributes begin at `from` ends (its `>`), skipping quoted values; -1 when it does not. */
export function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c > 127;

/**
 * Where the element name `name` found at `at` starts its tag: the `<` before it (and before its prefix), or -1 when
 * the text at `at` is not the start of such a tag (a longer name, a closing tag, text).
 */
export function tagStart(xml: string, at: number, name: string): number {
  const after = xml.charCodeAt(at + name.length);
  if (!(after === 62 || after === 47 || after <= 32) || Number.isNaN(after)) return -1;
  let lt = at - 1;
  if (xml.charCodeAt(lt) === 58 /* : */) {
    let p = lt - 1;
    const stop = Math.max(0, lt - 64);
    while (p >= stop && isNameChar(xml.charCodeAt(p))) p--;
    if (p === lt - 1) return -1;
    lt = p;
  }
  return xml.charCodeAt(lt) === 60 ? lt : -1;
}

/** Every element `<name …>…</name>` or `<name …/>` (any prefix): its start tag and inner XML. */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<{ tag: string; inner: string; end: number }> {
  let i = from;
  while (i < to) {
    const at = xml.indexOf(name, i);
    if (at < 0 || at >= to) return;
    const lt = tagStart(xml, at, name);
    if (lt < 0) {
      i = at + name.length;
      continue;
    }
    const gt = tagEnd(xml, at + name.length);
    if (gt < 0) return;
    const tag = xml.slice(lt, gt + 1);
    if (xml.charCodeAt(gt - 1) === 47) {
      yield { tag, inner: '', end: gt + 1 };
      i = gt + 1;
      continue;
    }
    const closeTag = `</${xml.slice(lt + 1, at)}${name}>`;
    const close = xml.indexOf(closeTag, gt + 1);
    if (close < 0) return;
    yield { tag, inner: xml.slice(gt + 1, close), end: close + closeTag.length };
    i = close + closeTag.length;
  }
}

/** The first element `name` (any prefix), or null. */
export function firstElement(xml: string, name: string): { tag: string; inner: string; end: number } | null {
  for (const e of elements(xml, name)) return e;
  return null;
}

/** The concatenated text of the `<t>` runs in a string item, leaving out phonetic (`<rPh>`) runs. */
export function runText(inner: string): string {
  let text = '';
  let phonetic = 0;
  let i = 0;
  for (;;) {
    const lt = inner.indexOf('<', i);
    if (lt < 0) break;
    const gt = inner.indexOf('>', lt);
    if (gt < 0) break;
    const closing = inner.charCodeAt(lt + 1) === 47;
    let local = closing ? lt + 2 : lt + 1;
    let e = local;
    for (let c = inner.charCodeAt(e); e < gt && c > 32 && c !== 47; c = inner.charCodeAt(++e)) if (c === 58) local = e + 1;
    const selfClosed = inner.charCodeAt(gt - 1) === 47;
    if (e - local === 3 && inner.startsWith('rPh', local)) {
      if (closing) phonetic = Math.max(0, phonetic - 1);
      else if (!selfClosed) phonetic++;
    } else if (e - local === 1 && inner.charCodeAt(local) === 116 /* t */ && !closing && !selfClosed) {
      const closeTag = `</${inner.slice(lt + 1, local)}t>`;
      const close = inner.indexOf(closeTag, gt + 1);
      if (close < 0) break;
      if (!phonetic) text += inner.slice(gt + 1, close);
      i = close + closeTag.length;
      continue;
    }
    i = gt + 1;
  }
  return decodeText(text);
}
