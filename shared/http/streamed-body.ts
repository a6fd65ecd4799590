import type { StreamedFile } from './route.js';

/**
 * The headers of a streamed file: a download, never cached (exports hold people's time). The
 * extension's pages come from another origin and read the file's name only when it is exposed.
 */
export function fileHeaders(file: StreamedFile): Record<string, string> {
  const name = file.fileName.replace(/[^\w.-]/g, '_');
  return {
    'content-type': file.contentType, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store',
    'access-control-expose-headers': 'Content-Disposition',
  };
}
