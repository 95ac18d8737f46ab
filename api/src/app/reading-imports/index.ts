/** What other features may use of reading-imports/ (import it from '../reading-imports'). */
export { IMPORT_MAX_FILE_BYTES } from './dto/reading-import.dto';
export { ReadingImportsModule } from './reading-imports.module';
