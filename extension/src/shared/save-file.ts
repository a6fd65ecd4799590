import type { DownloadedFile } from './api-client.js';

/**
 * Hands a fetched file to the browser's downloads. The API needs the caller's token, which a
 * plain link cannot send: so fetch, then a link to the blob, clicked once and let go.
 */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download; the blob may go once the browser took it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
