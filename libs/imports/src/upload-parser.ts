import type { FastifyInstance } from 'fastify';
import { MAX_IMPORT_BYTES } from './imports.service';

const SPREADSHEET_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

/** Spreadsheet uploads arrive as raw bytes, with a larger limit of their own than JSON bodies. */
export function registerUploadParser(fastify: FastifyInstance) {
  fastify.addContentTypeParser(SPREADSHEET_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
}
