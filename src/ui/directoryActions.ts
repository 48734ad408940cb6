import {
  createPerson,
  deletePerson,
  mergePersons,
  renamePerson,
  setDepartmentAliases,
  setDepartmentSupervisor,
  setLeaderPost,
} from '../domain/directory';
import type { Id, PersonKind } from '../domain/types';
import { store } from '../storage/store';
import { attempt } from './run';

/**
 * Directory actions read the directory and the referencing measures fresh from the database right before computing
 * the patch, so that a merge or delete rewrites every reference that exists now, including ones made in another tab.
 */
export const directoryActions = {
  create: (kind: PersonKind, name: string) =>
    attempt(async () => createPerson(await store.loadDirectory(), kind, name).patch),
  rename: (kind: PersonKind, id: Id, name: string) =>
    attempt(async () => renamePerson(await store.loadDirectory(), kind, id, name)),
  setAliases: (id: Id, aliases: string) => attempt(async () => setDepartmentAliases(await store.loadDirectory(), id, aliases)),
  setSupervisor: (id: Id, leaderId: Id | null) =>
    attempt(async () => setDepartmentSupervisor(await store.loadDirectory(), id, leaderId)),
  setPost: (id: Id, post: string) => attempt(async () => setLeaderPost(await store.loadDirectory(), id, post)),
  merge: (kind: PersonKind, fromId: Id, intoId: Id) =>
    attempt(async () =>
      mergePersons(await store.loadDirectory(), kind, fromId, intoId, await store.measuresReferencing(kind, fromId)),
    ),
  remove: (kind: PersonKind, id: Id, reassignTo: Id | null) =>
    attempt(async () =>
      deletePerson(await store.loadDirectory(), kind, id, reassignTo, await store.measuresReferencing(kind, id)),
    ),
};
