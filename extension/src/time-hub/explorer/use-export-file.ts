import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/contracts/exports.js';
import { useApi } from '../../shared/api-context.js';
import type { ExplorerQueryFilter } from '../../shared/explorer-api.js';

/** Hands a downloaded file to the browser as a download. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is not needed past this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
      const file = await api.explorer.exportFile(filter, format);
      saveFile(file.blob, file.fileName);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(undefined);
    }
  };

  return { busy, error, download, dismissError: () => setError(undefined) };
}
