import type { Socket } from 'node:net';

/**
 * Node's HTTP parser refuses some requests before any handler sees them (two Content-Length
 * headers, Content-Length with chunked, oversized headers). Answer those in the error
 * envelope too, so that every refusal reads the same.
 */
export function answerMalformedRequest(error: Error & { code?: string; reason?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const reason = error.reason ?? error.message;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'request.headers_too_large', message: 'the request headers are too large' }
      : { code: 'request.malformed_http', message: `the request is not valid HTTP/1.1: ${reason}` },
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
