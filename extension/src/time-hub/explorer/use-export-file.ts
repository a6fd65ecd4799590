import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/contracts/exports.js';
import { useApi } from '../../shared/api-context.js';
import type { ExplorerQueryFilter } from '../../shared/explorer-api.js';
import { saveFile } from '../../shared/save-file.js';

/**
 * CSV or XLSX of exactly the grid's filter: every matching worklog, not only the loaded
 * ones, fetched with the caller's session (a plain link could not send it) and saved.
 */
export function useExportFile(filter: ExplorerQueryFilter | undefined) {
  const api = useApi();
  const [busy, setBusy] = useState<ExportFormat>();
  const [error, setError] = useState<unknown>();

  const download = async (format: ExportFormat) => {
    if (!filter) return;
    setBusy(format);
    setError(undefined);
    try {
      saveFile(await api.explorer.exportFile(filter, format));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(undefined);
    }
  };

  return { busy, error, download, dismissError: () => setError(undefined) };
}
