import { EXPORTABLE, defaultOptions, type ExportOptions } from '../../domain/export/exportOptions';
import type { FieldId } from '../../domain/fields';
import type { RiskRow } from '../../domain/rows';
import type { Id } from '../../domain/types';

/** Export settings are remembered per list (in this browser): the office exports the same layout every half-year. */
export type ExportSettings = Omit<ExportOptions, 'date'> & { scope: 'all' | 'shown' };

const key = (listId: Id) => `sanqingdan.export.${listId}`;

export function loadExportSettings(listId: Id, rows: readonly RiskRow[]): ExportSettings {
  const defaults: ExportSettings = { ...defaultOptions(rows), scope: 'all' };
  try {
    const saved = JSON.parse(localStorage.getItem(key(listId)) ?? 'null') as Partial<ExportSettings> | null;
    if (!saved) return defaults;
    const columns = (saved.columns ?? []).filter((c): c is FieldId => EXPORTABLE.includes(c as FieldId));
    return { ...defaults, ...saved, columns: columns.length ? columns : defaults.columns };
  } catch {
    return defaults; // damaged settings: start from the defaults
  }
}

export function saveExportSettings(listId: Id, settings: ExportSettings): void {
  try {
    localStorage.setItem(key(listId), JSON.stringify(settings));
  } catch {
    // not remembered, still exported
  }
}
