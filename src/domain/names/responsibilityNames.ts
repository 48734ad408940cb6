import { isPersonHeader, matchHeader } from '../import/headerSynonyms';
import { cellNames, isPersonName, type CellNames } from './cellNames';

/**
 * A 责任清单 written in one column (问题清单 | 措施清单 | 责任清单, or 责任单位/责任人): each cell names the departments and
 * the people together, the way offices write it — labelled lines (“责任部门：党办\n责任领导：张国栋”), a person after a
 * department (“德育处 李敏”, “党办/张国栋”, “教务处：王芳”, “教务处（王芳）”). Departments and leaders are told apart by their
 * labels, else by the name: a department's name ends as one does (办, 处, 室, 中心, 年级…), a person's is a surname and a
 * given name.
 */
export interface ResponsibilityNames {
  departments: CellNames;
  leaders: CellNames;
}

/** A line's label (责任部门：…, 责任领导：…, 责任人：…): read as a header is (headerSynonyms.ts) */
const LABEL = /^([^:：]{1,10}?)\s*[:：]\s*/;
const labelled = (label: string): 'departments' | 'leaders' | null => {
  const field = matchHeader(label)?.field;
  if (field === 'departments' || /单位$/.test(label)) return 'departments';
  return field === 'leaders' || isPersonHeader(label) ? 'leaders' : null;
};

/** 教务处：王芳, 教务处（王芳）: a department and its person */
const DEPARTMENT_AND_PERSON = /^(.+?)\s*(?:[:：]\s*(.+)|[（(]\s*([^（()）]+?)\s*[)）])$/;

const cache = new Map<string, ResponsibilityNames>();

export function responsibilityNames(cell: string): ResponsibilityNames {
  let found = cache.get(cell);
  if (!found) {
    if (cache.size > 5000) cache.clear();
    cache.set(cell, (found = readCell(cell)));
  }
  return found;
}

function readCell(cell: string): ResponsibilityNames {
  const departments = { names: [] as string[], posts: [] as string[] };
  const leaders = { names: [] as string[], posts: [] as string[] };
  const add = (to: { names: string[]; posts: string[] }, found: CellNames) => {
    found.names.forEach((name, i) => {
      if (to.names.includes(name)) return;
      to.names.push(name);
      to.posts.push(found.posts[i] ?? '');
    });
  };
  const person = (name: string): CellNames => cellNames(name, 'leader');
  // (a labelled part may follow the others on the same line after a semicolon: 德育处、各年级；分管领导：李敏)
  for (const line of cell.split(/\r?\n|[；;]/)) {
    const text = line.trim();
    if (!text) continue;
    const label = LABEL.exec(text);
    const kind = label ? labelled(label[1]!) : null;
    if (kind) {
      const rest = text.slice(label![0].length);
      if (kind === 'departments') add(departments, cellNames(rest, 'department'));
      else add(leaders, person(rest));
      continue;
    }
    // (a name's line is short: a long one is not looked at for a pair, whose pattern would take long over it)
    const pair = text.length <= 64 ? DEPARTMENT_AND_PERSON.exec(text) : null;
    const who = pair ? (pair[2] ?? pair[3] ?? '') : '';
    if (pair && !isPersonName(pair[1]!) && person(who).names.every(isPersonName)) {
      add(departments, cellNames(pair[1]!, 'department'));
      add(leaders, person(who));
      continue;
    }
    for (const name of cellNames(text, 'department').names) {
      if (isPersonName(name)) add(leaders, { names: [name], posts: [''] });
      else add(departments, { names: [name], posts: [''] });
    }
  }
  return { departments, leaders };
}
