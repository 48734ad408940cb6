import { nameKey, splitNames } from '../text';
import type { PersonKind } from '../types';

/**
 * The departments or leaders a cell of an imported table names, read the way the office wrote them: a post written
 * with the name (“张国栋（副校长）”, “分管副校长：张国栋”), a role mark on a department (“党办（牵头）”), names padded
 * with spaces for alignment (“李  敏”) or separated by spaces only (“党办 德育处”).
 */
export interface CellNames {
  names: readonly string[];
  /** the post written with each leader's name ('' when none), parallel to `names` */
  posts: readonly string[];
}

/** What a department's part in a measure is, not its name: 牵头, 配合, 主责… */
const ROLE_MARK = /^(?:牵头|配合|主责|主办|协办|协助|参与|负责|责任|督办|联系|主抓|具体负责|牵头单位|牵头部门|配合单位|配合部门|责任单位|责任部门|分管|主管|包保|第一责任人|直接责任人|主要负责人|责任人)$/;
/** The end of a post or title: a leader's 职务 */
const POST_WORDS = '书记|校长|院长|主任|部长|处长|科长|组长|局长|馆长|园长|所长|主席|委员|经理|领导|干事|总监|主管|会计|负责人|班主任|校领导|副职|正职|调研员|秘书长|队长|站长|厂长|董事长|总经理';
const POST = new RegExp(`(?:${POST_WORDS})$`);
const RESPONSIBILITY_WORDS = '分管|主管|联系|包保|牵头|责任';
/**
 * A post and nothing else (副校长, 分管副校长, 党委副书记, 工会主席): on a line of its own above a person's name it is that
 * person's post (“副校长\n张国栋”), not a second leader. “张副校长” or “王子忠副校长” name a person and are not.
 */
const BARE_POST = new RegExp(`^(?:${RESPONSIBILITY_WORDS})?(?:党委|党总支|党支部|纪委|工会|团委|学校|校)?(?:常务)?副?(?:${POST_WORDS})$`);
/** A person's name as offices write it: two to four Han characters (a compound surname and a two-character given name), or a Latin name */
const PERSON = /^(?:[\u4e00-\u9fa5·]{2,5}|[A-Za-z][A-Za-z .'-]{1,40})$/;
const CJK_1_2 = /^[\u3400-\u9fff\uf900-\ufaff]{1,2}$/;

/**
 * Parts that are one name padded for alignment: for a department, parts of one or two Han characters (信息 中心); for
 * a person, a name of at most four characters with a one-character part (李  敏, 张 国栋) — two two-character
 * parts are more often two people (李敏 王芳).
 */
function padded(pieces: readonly string[], kind: PersonKind): boolean {
  if (!pieces.every((p) => CJK_1_2.test(p))) return false;
  if (kind === 'department') return true;
  return pieces.some((p) => p.length === 1) && pieces.join('').length <= 4;
}
/** A role mark written after a department's name without brackets: 党办牵头, 教务处配合 */
/** How a department's name ends: 办, 处, 室, 中心, 年级, 团委, 工会… */
const DEPARTMENT_ENDING = '(?:办|处|室|部|委|中心|组|科|馆|会|队|年级|支部|总支|学院|系|站|所|股)';
const TRAILING_ROLE = new RegExp(`^(.+?${DEPARTMENT_ENDING})(?:牵头|配合|主责|主办|协办|协助|参与|负责)$`);
const PARENS = /^(.+?)\s*[（(]\s*([^（()）]+?)\s*[)）]$/;
/** Two departments joined by a word (党办和德育处, 教务处及各年级, 团委与德育处), each ending as a department's name does */
const JOINED_DEPARTMENTS = new RegExp(`^([\\u4e00-\\u9fa5]{1,10}?${DEPARTMENT_ENDING})(?:以及|和|及|与)([\\u4e00-\\u9fa5]{1,10}${DEPARTMENT_ENDING})$`);
const COLON = /^([^:：]+?)\s*[:：]\s*(.+)$/;
/** a post's words that say how the leader is responsible, not the post itself */
const RESPONSIBILITY = new RegExp(`^(?:${RESPONSIBILITY_WORDS})`);
/** The post as the leader's record keeps it: 分管副校长 is a 副校长 (a post that is only such a word stays as written). */
const postOf = (written: string): string => written.replace(RESPONSIBILITY, '') || written;

const cache = { department: new Map<string, CellNames>(), leader: new Map<string, CellNames>() };

/** The names (and leaders' posts) of one cell; each distinct cell read once per kind. Bounded. */
export function cellNames(cell: string, kind: PersonKind): CellNames {
  const seen = cache[kind];
  let found = seen.get(cell);
  if (!found) {
    if (seen.size > 5000) seen.clear();
    seen.set(cell, (found = readCell(cell, kind)));
  }
  return found;
}

/** List numbering before each name (1.党办 2.德育处, 1、王子忠, (1)教务处, ①党办②德育处): no part of the names */
const NUMBERING = /(^|[\s;；，,])(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）])\s*|[\u2460-\u2473]/g;
const LISTED = /^\s*(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）])/;
const LIST_MARK = /(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[\u2460-\u2473])\s*/g;
/** “and the others” after the last name: 德育处等, 王子忠等 */
const AND_OTHERS = /等(?:部门|单位|处室|科室|人|同志)?$/;
/** A line that is only a bracketed post or role, under the name it belongs to: 张国栋\n（副校长）, 党办\n（牵头） */
const BRACKETED = /^[（(]\s*([^（()）]+?)\s*[)）]$/;

function readCell(cell: string, kind: PersonKind): CellNames {
  // a cell that starts with a number is a numbered list: its later numbers may follow a name directly (（1）王子忠（2）沈润生)
  const listed = LISTED.test(cell) ? cell.replace(LIST_MARK, '\n') : cell.replace(NUMBERING, '$1\n');
  const parts = splitNames(listed);
  const names: string[] = [];
  const posts: string[] = [];
  const add = (written: string, post: string) => {
    const name = written.length >= 3 && AND_OTHERS.test(written) ? written.replace(AND_OTHERS, '') : written;
    const key = nameKey(name);
    if (!key) return;
    const at = names.findIndex((n) => nameKey(n) === key);
    if (at < 0) {
      names.push(name);
      posts.push(post);
    } else if (!posts[at]) posts[at] = post;
  };
  for (let i = 0; i < parts.length; i++) {
    const bracketed = BRACKETED.exec(parts[i]!);
    if (bracketed && names.length > 0) {
      const inner = bracketed[1]!;
      if (ROLE_MARK.test(inner.replace(/\s/g, ''))) continue;
      if (kind === 'leader' && POST.test(inner)) {
        posts[names.length - 1] ||= inner;
        continue;
      }
    }
    const next = parts[i + 1];
    if (kind === 'leader' && next !== undefined && BARE_POST.test(parts[i]!) && PERSON.test(next) && !POST.test(next)) {
      add(next, postOf(parts[i]!));
      i++;
      continue;
    }
    const { name, post } = nameForm(parts[i]!, kind);
    const joined = kind === 'department' ? JOINED_DEPARTMENTS.exec(name) : null;
    if (joined) {
      // 党办和德育处, 党办及德育处: two departments (组织和人事处 is one: its first part names none)
      add(joined[1]!, post);
      add(joined[2]!, post);
      continue;
    }
    if (name.indexOf(' ') < 0) {
      add(name, post);
      continue;
    }
    const pieces = name.split(' ');
    // “张国栋 副校长”: a name and its post side by side
    if (kind === 'leader' && pieces.length === 2) {
      const [a, b] = pieces as [string, string];
      if (POST.test(b) && PERSON.test(a) && !POST.test(a)) {
        add(a, post || b);
        continue;
      }
      if (POST.test(a) && PERSON.test(b) && !POST.test(b)) {
        add(b, post || postOf(a));
        continue;
      }
    }
    // “副校长 张三 李四”: a post, then the names that hold it
    if (kind === 'leader' && pieces.length > 2 && BARE_POST.test(pieces[0]!) && pieces.slice(1).every(isPersonName)) {
      for (const p of pieces.slice(1)) add(p, post || postOf(pieces[0]!));
      continue;
    }
    // several names separated by spaces alone, when the cell has no other separator; short parts may be one name
    // padded for alignment (“李  敏”), decided once the sheet's other names are known (resolveSpaced)
    if (parts.length === 1 && !padded(pieces, kind)) for (const p of pieces) add(p, post);
    else add(name, post);
  }
  return { names, posts };
}

/** A post written with a leader's name, or a role mark on a department, taken off the name. */
export function nameForm(part: string, kind: PersonKind): { name: string; post: string } {
  const paren = PARENS.exec(part);
  if (paren) {
    const [, base, inner] = paren as unknown as [string, string, string];
    if (ROLE_MARK.test(inner.replace(/\s/g, ''))) return { name: base, post: '' };
    if (kind === 'leader' && POST.test(inner) && !POST.test(base)) return { name: base, post: inner };
    // 校长（张三）: the post, then the person holding it
    if (kind === 'leader' && POST.test(base) && isPersonName(inner) && !POST.test(inner)) return { name: inner, post: base };
    return { name: part, post: '' };
  }
  if (kind === 'department') {
    const role = TRAILING_ROLE.exec(part);
    if (role) return { name: role[1]!, post: '' };
  }
  if (kind === 'leader') {
    const colon = COLON.exec(part);
    if (colon) {
      const [, left, right] = colon as unknown as [string, string, string];
      if (POST.test(left) && !POST.test(right)) return { name: right, post: postOf(left) };
    }
    const written = nameWithPost(part);
    if (written) return written;
    // 王子忠同志: the name, as offices write it in a list of people
    if (part.endsWith('同志') && isPersonName(part.slice(0, -2))) return { name: part.slice(0, -2), post: '' };
  }
  return { name: part, post: '' };
}

/**
 * The commonest surnames (about nine in ten people), and the compound ones: a name written straight before its post
 * (李敏副校长, 王子忠书记) is split only when what comes before the post is a full name, a surname and one or two
 * characters; 张副校长 (a surname and a post) names a person as offices write it, and 德育副校长 or 常务副校长 are posts.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);
const COMPOUND_SURNAMES = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|长孙|夏侯|公孙|司徒|西门|南宫)/;
/** what stands before a post naming its field, not a person: 安全副校长, 常务副校长, 教学校长 */
const POST_FIELD = /^(?:安全|常务|德育|教学|后勤|政教|教务|总务|信息|财务|行政|业务|执行|宣传|组织|统战|党建|高中|初中|小学|学生|年级|分管|主管|联系)/;

/** A person's name as offices write one: a common or compound surname and one or two characters, no post's word in it. */
export function isPersonName(name: string): boolean {
  if (!/^[\u4e00-\u9fa5]{2,4}$/.test(name) || name.endsWith('副') || POST.test(name) || POST_FIELD.test(name)) return false;
  const surname = COMPOUND_SURNAMES.test(name) ? 2 : SURNAMES.has(name[0]!) ? 1 : 0;
  return surname > 0 && name.length - surname >= 1 && name.length - surname <= 2;
}

/**
 * A full name and a post written straight together, either way round (李敏副校长, 副校长李敏, 党委书记王子忠): the name,
 * with that post. A post alone (分管副校长) or a surname and a post (张副校长) is not split.
 */
function nameWithPost(part: string): { name: string; post: string } | null {
  if (part.length < 4 || BARE_POST.test(part) || !/^[\u4e00-\u9fa5]+$/.test(part)) return null;
  for (let at = 2; at <= part.length - 2; at++) {
    const [before, after] = [part.slice(0, at), part.slice(at)];
    if (BARE_POST.test(after) && isPersonName(before)) return { name: before, post: postOf(after) };
    if (BARE_POST.test(before) && isPersonName(after)) return { name: after, post: postOf(before) };
  }
  return null;
}

/**
 * A name left with spaces inside (“党办 团委”, “李 敏”): several names when every part is a name known elsewhere in
 * the table, one name padded for alignment (see padded), else as written.
 */
export function resolveSpaced(name: string, kind: PersonKind, known: (key: string) => boolean): string[] {
  const pieces = name.split(' ');
  if (pieces.length > 1 && pieces.every((p) => known(nameKey(p)))) return pieces;
  if (padded(pieces, kind)) return [pieces.join('')];
  return [name];
}
