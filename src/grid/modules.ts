import {
  CellSpanModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  ExternalFilterModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  EventApiModule,
  type Module,
} from 'ag-grid-community';

/** Community modules only, picked by hand to keep the start-up bundle small (AllCommunityModule is ~90 KB gzip more). */
const modules: Module[] = [
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  CellSpanModule,
  CellStyleModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  ExternalFilterModule,
  LargeTextEditorModule,
  LocaleModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
];
// AG Grid's ValidationModule is left out in development too: it flags spanned problem cells being editable (the app
// edits them on purpose, writing the problem record itself, see editing.ts) with a warning box over the grid, which
// `npm start` would show every user. Add it here by hand when checking a grid option.

ModuleRegistry.registerModules(modules);
