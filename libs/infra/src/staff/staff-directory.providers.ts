import type { Provider } from '@nestjs/common';
import { STAFF_DIRECTORY, STAFF_FIXTURES_FILE } from './staff-directory.port';
import { LocalStaffDirectory } from './staff-directory.local';

/** The staff directory the apps inject by its port; the local adapter reads the fixtures file. */
export const staffDirectoryProvider: Provider = {
  provide: STAFF_DIRECTORY,
  useFactory: () => LocalStaffDirectory.fromFile(STAFF_FIXTURES_FILE),
};
