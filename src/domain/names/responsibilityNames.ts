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

const DEPARTMENT_LABEL = /^(?:责任部门|责任单位|牵头部门|牵头单位|配合部门|配合单位|责任处室|责任科室|部门|单位|处室)\s*[:：]\s*/;
const LEADER_LABEL = /^(?:责任领导|分管领导|牵头领导|包保领导|主管领导|责任校领导|分管校领导|领导|责任人|负责人)\s*[:：]\s*/;
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
  for (const line of cell.split(/\r?\n/)) {
    const text = line.trim();
    if (!text) continue;
    const department = DEPARTMENT_LABEL.exec(text);
    if (department) {
      add(departments, cellNames(text.slice(department[0].length), 'department'));
      continue;
    }
    const leader = LEADER_LABEL.exec(text);
    if (leader) {
      add(leaders, person(text.slice(leader[0].length)));
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
