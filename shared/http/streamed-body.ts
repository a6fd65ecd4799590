import type { StreamedFile } from './route.js';

/**
 * The headers of a streamed file: a download, never cached (exports hold people's time).
 * The extension fetches it from another origin, so its name is exposed to that script.
 */
export function fileHeaders(file: StreamedFile): Record<string, string> {
  const name = file.fileName.replace(/[^\w.-]/g, '_');
  return {
    'content-type': file.contentType, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store',
    'access-control-expose-headers': 'Content-Disposition',
  };
}
