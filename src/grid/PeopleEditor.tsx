import type { CustomCellEditorProps } from 'ag-grid-react';
import type { PersonKind } from '../domain/types';
import type { GridContext } from './gridContext';
import type { GridRow } from './gridRow';
import { PeoplePicker } from './PeoplePicker';
import { takeTypedText } from './imeTyping';
import { useState } from 'react';

type Props = CustomCellEditorProps<GridRow, unknown, GridContext> & { kind: PersonKind };

/** The picker as a popup cell editor; its value is the list of picks, turned into ids by the edit operation. */
export function PeopleEditor({ kind, data, context, onValueChange, stopEditing, eventKey }: Props) {
  // text typed through an input method comes whole (imeTyping.ts); a typed Latin key as the grid's eventKey
  const [typed] = useState(() => takeTypedText() ?? (eventKey && eventKey.length === 1 ? eventKey : ''));
  return (
    <PeoplePicker
      kind={kind}
      directory={context.directory}
      initialIds={kind === 'department' ? data.departmentIds : data.leaderIds}
      initialQuery={typed}
      onChange={onValueChange}
      onConfirm={() => stopEditing()}
      onCancel={() => stopEditing(true)}
    />
  );
}
