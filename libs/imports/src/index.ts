export * from './imports.module';
export { registerUploadParser } from './upload-parser';
export { MAX_IMPORT_BYTES } from './imports.service';
export { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from './import-fields';
