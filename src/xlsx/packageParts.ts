import { attrs, elements } from './xml';
import type { ZipArchive } from './zip';

/**
 * Finding a workbook's parts the way Excel does: through the package's relationships (`_rels/.rels` names the
 * workbook, the workbook's rels name its sheets, string table and styles), never by a path written in the code. Part
 * names match case-insensitively (the zip reader's partKey); targets are relative to the part that names them, or
 * absolute from the package's root (`/xl/worksheets/sheet1.xml`), with `..` and `.` steps.
 */
export interface Relationship {
  id: string;
  /** the type's last segment: officeDocument, worksheet, chartsheet, sharedStrings, styles, … ('' when none is given) */
  type: string;
  /** the part it points to, from the package's root; null when it points outside the package */
  target: string | null;
  /** the target as written */
  raw: string;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `` (the package) → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A target resolved against the folder of the part that names it. */
export function resolveTarget(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  if (t.indexOf('%') >= 0) {
    try {
      t = decodeURIComponent(t);
    } catch {
      // not an escaped name: kept as written
    }
  }
  const path = t.startsWith('/') ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const step of path.split('/')) {
    if (step === '..') out.pop();
    else if (step && step !== '.') out.push(step);
  }
  return out.join('/');
}

export function relationships(xml: string | null, baseDir: string): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const { tag } of elements(xml, 'Relationship')) {
    const a = attrs(tag);
    if (!a.Id) continue;
    const type = (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1);
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    out.push({ id: a.Id, type, target: external || !a.Target ? null : resolveTarget(baseDir, a.Target), raw: a.Target ?? '' });
  }
  return out;
}

/**
 * The part a relationship names, as the archive has it, or null when the archive lacks it. A target some writers get
 * wrong — written from the package's root without the leading slash (`xl/worksheets/sheet1.xml` in xl/_rels) — is
 * tried from the root too.
 */
export function findPart(zip: ZipArchive, rel: Relationship | undefined): string | null {
  if (!rel?.target) return null;
  if (zip.has(rel.target)) return rel.target;
  const fromRoot = resolveTarget('', rel.raw);
  return zip.has(fromRoot) ? fromRoot : null;
}

/** Sheet types that hold no cells to import: a chart, a dialog, an Excel 4 macro sheet. */
export const NOT_A_WORKSHEET = new Set(['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet']);

/**
 * The workbook's own parts: the shared strings and the styles, by relationship; a writer that names them in no
 * relationship (some hand-written OOXML does) has them beside the workbook under their usual names, which Excel finds.
 * One the relationships name but the archive lacks is damage (every text cell would read empty): it throws.
 */
export function relatedPart(zip: ZipArchive, rels: readonly Relationship[], type: string, workbookDir: string, usualName: string): string | null {
  const rel = rels.find((r) => r.type === type && r.target);
  const found = findPart(zip, rel);
  if (found) return found;
  const usual = workbookDir + usualName;
  if (zip.has(usual)) return usual;
  if (rel) throw new Error(`zip: the workbook's ${type} part ${rel.target} is missing`);
  return null;
}
