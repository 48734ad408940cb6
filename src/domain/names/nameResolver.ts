import { newId } from '../ids';
import { nameForm } from './cellNames';
import { pinyinMatch, pinyinQuery } from '../pinyinMatch';
import { cleanName, nameKey } from '../text';
import type { Department, Directory, Id, Leader, PersonKind } from '../types';

/**
 * The one place a written department or leader name is matched to a record — for the import (its preview and the
 * update), paste, the people picker and the consolidation merge. A written name stands for a record only when it is
 * that record's name or one of its aliases after normalisation (spaces, widths, invisible characters, a post or role
 * mark written with it: “张国栋（副校长）”, “党办（牵头）”). A name that merely resembles one (陈校长 and 校长, 办公室
 * and 党政办公室, 张书记 and 张国栋) matches none: the records it resembles are offered with the reason, never chosen
 * (#12: two people are never merged by a guess).
 *
 * Built once per kind and action: the directory is indexed on construction and every spelling normalised once, so a
 * 20,000-row import resolves names by look-ups (rebuilt per row, a 160-department update took 5.5 s).
 */

export type Person = Department | Leader;

/** Why a record was offered for a name it does not match: never chosen for the user, only shown as a choice. */
export type SimilarReason = 'contains' | 'contained' | 'surname';

export interface SimilarRecord {
  id: Id;
  name: string;
  reason: SimilarReason;
  /** the record's name or alias that resembles the written name */
  via: string;
}

/** What a written name stands for: exactly one record (by its name or an alias), or none with the similar ones. */
export type Resolution =
  | { found: true; name: string; post: string; record: Person; reason: 'same' | 'alias' }
  | { found: false; name: string; post: string; similar: SimilarRecord[] };

export const namesOf = (p: Person): string[] => ('aliases' in p ? [p.name, ...p.aliases] : [p.name]);

/** A new record for a name that matches none. */
export function newRecord(kind: PersonKind, name: string): Person {
  return kind === 'department'
    ? { id: newId(), name, aliases: [], supervisorId: null }
    : { id: newId(), name, post: '' };
}

/** Common compound surnames: the surname of 欧阳娜娜 is 欧阳, not 欧. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '呼延'];
/** Characters that begin posts and bodies, not surnames: 副校长, 党委书记, 校长, 分管领导… */
const NOT_SURNAME = new Set([...'副正党校分主总院处科部办团教德政纪工财后保信宣组人学年班各中小大第一二三四五六七八九十前本全该兼常执首原代']);
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;

/** A person's surname, when the name looks like a person's (张国栋, 张书记), else ''. */
function surnameOf(name: string): string {
  if (!HAN_NAME.test(name)) return '';
  const two = name.slice(0, 2);
  if (COMPOUND_SURNAMES.includes(two)) return name.length > 2 ? two : '';
  return NOT_SURNAME.has(name[0]!) ? '' : name[0]!;
}

const SIMILAR_ORDER: Record<SimilarReason, number> = { contains: 0, contained: 1, surname: 2 };
const MAX_SIMILAR = 6;

interface KeyedName {
  name: string;
  key: string;
  surname: string;
}

let builds = 0;
/** How many resolvers were built so far (tests check that an action indexes the directory once, not per row). */
export const resolverBuilds = (): number => builds;

export class NameResolver {
  private readonly byName = new Map<string, Person>();
  private readonly ids = new Map<Id, Person>();
  private readonly keys = new Map<string, string>();
  /** each record's names with their keys and surnames, worked out once (for similar, search) */
  private keyedCache: { record: Person; names: KeyedName[] }[] | null = null;

  /** `records` grows with the records `find` creates. */
  constructor(
    readonly kind: PersonKind,
    readonly records: Person[],
  ) {
    builds++;
    for (const r of records) this.index(r);
  }

  static of(directory: Directory, kind: PersonKind): NameResolver {
    return new NameResolver(kind, [...(kind === 'department' ? directory.departments : directory.leaders)]);
  }

  private index(r: Person): void {
    this.ids.set(r.id, r);
    for (const n of namesOf(r)) {
      const k = nameKey(n);
      if (!this.byName.has(k)) this.byName.set(k, r);
    }
    this.keyedCache = null;
  }

  private keyOf(raw: string): string {
    let key = this.keys.get(raw);
    if (key === undefined) {
      if (this.keys.size > 20000) this.keys.clear();
      this.keys.set(raw, (key = nameKey(raw)));
    }
    return key;
  }

  has(id: Id): boolean {
    return this.ids.has(id);
  }

  /** The record with this id, including those created through this resolver. */
  get(id: Id): Person | undefined {
    return this.ids.get(id);
  }

  /** The existing record a name (already read: no post or role mark) stands for, by name or alias; never a similar one. */
  lookup(name: string): Person | undefined {
    const key = this.keyOf(name);
    return key ? this.byName.get(key) : undefined;
  }

  /**
   * A name as a user or a file wrote it (“张国栋（副校长）”, “党办（牵头）”, “李\u3000敏”): the one record it stands
   * for, or none with the records it resembles. `similar` is worked out only for a name that matches none.
   */
  resolve(written: string): Resolution {
    const form = nameForm(cleanName(written), this.kind);
    const name = cleanName(form.name);
    const record = this.lookup(name);
    if (record) return { found: true, name, post: form.post, record, reason: nameKey(record.name) === nameKey(name) ? 'same' : 'alias' };
    return { found: false, name, post: form.post, similar: this.similar(name) };
  }

  /** The record a name stands for (`created` when it is new); null for a name that is empty once cleaned. */
  find(raw: string): { record: Person; created: boolean } | null {
    const key = this.keyOf(raw);
    if (!key) return null;
    const found = this.byName.get(key);
    if (found) return { record: found, created: false };
    const record = newRecord(this.kind, cleanName(raw));
    this.records.push(record);
    this.index(record);
    return { record, created: true };
  }

  private keyed(): { record: Person; names: KeyedName[] }[] {
    return (this.keyedCache ??= this.records.map((record) => ({
      record,
      names: namesOf(record).map((name) => {
        const key = nameKey(name);
        return { name, key, surname: surnameOf(key) };
      }),
    })));
  }

  /**
   * Records a name that matches none resembles: one contains the other (陈校长 ⊃ 校长, 办公室 ⊂ 党政办公室), or, for
   * leaders, the same surname (张书记 and 张国栋). Offered, never chosen; the closest reasons first.
   */
  similar(name: string): SimilarRecord[] {
    const key = nameKey(name);
    if (!key) return [];
    const surname = this.kind === 'leader' ? surnameOf(key) : '';
    const out: SimilarRecord[] = [];
    for (const { record, names } of this.keyed()) {
      let best: SimilarRecord | null = null;
      for (const n of names) {
        const nk = n.key;
        if (!nk || nk === key) continue;
        let reason: SimilarReason | null = null;
        if (nk.length >= 2 && key.includes(nk)) reason = 'contains';
        else if (key.length >= 2 && nk.includes(key)) reason = 'contained';
        else if (surname && n.surname === surname) reason = 'surname';
        if (reason && (!best || SIMILAR_ORDER[reason] < SIMILAR_ORDER[best.reason])) best = { id: record.id, name: record.name, reason, via: n.name };
      }
      if (best) out.push(best);
    }
    out.sort((a, b) => SIMILAR_ORDER[a.reason] - SIMILAR_ORDER[b.reason]);
    return out.slice(0, MAX_SIMILAR);
  }

  /**
   * Records matching what the user is typing in a picker: by name, alias or post, ignoring spaces and width (name
   * prefixes first, then other matches), then by pinyin (“jwc” finds 教务处: prefixes, then from inside a name) once
   * the pinyin source is loaded; each group in directory order.
   */
  search(query: string, withPinyin = true): Person[] {
    const q = nameKey(query);
    if (!q) return [...this.records];
    const prefix: Person[] = [];
    const other: Person[] = [];
    const rest: Person[] = [];
    for (const { record, names } of this.keyed()) {
      const post = 'post' in record ? nameKey(record.post) : '';
      if (names[0]!.key.startsWith(q)) prefix.push(record);
      else if (names.some((n) => n.key.includes(q)) || post.includes(q)) other.push(record);
      else rest.push(record);
    }
    const out = [...prefix, ...other];
    const pinyin = withPinyin ? pinyinQuery(query) : null;
    if (pinyin) {
      const pinyinPrefix: Person[] = [];
      const inside: Person[] = [];
      for (const r of rest) {
        const how = namesOf(r).map((n) => pinyinMatch(n, pinyin));
        if (how.includes('prefix')) pinyinPrefix.push(r);
        else if (how.includes('inside')) inside.push(r);
      }
      out.push(...pinyinPrefix, ...inside);
    }
    return out;
  }
}
