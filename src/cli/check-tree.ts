import path from 'node:path';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { findTreeDefects } from '../modules/organisations/index.ts';

/**
 * `npm run check:tree`: the organisation tree's repair check. Lists every unit whose path does not follow from its
 * parent (a cycle, a move interrupted before the lock existed, a row written past the application) and exits 1 if
 * there is one, so an operator can run it after a restore or an upgrade. It only reads.
 */
async function checkTree() {
  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    const defects = await findTreeDefects(handle.db);
    if (defects.length === 0) {
      console.log('Cây tổ chức đúng / the organisation tree is sound.');
      return 0;
    }
    console.log(`Cây tổ chức có ${defects.length} đơn vị sai đường dẫn / ${defects.length} unit(s) with a broken path:`);
    for (const d of defects) {
      console.log(`  ${d.tenantId}  ${d.id}  ${d.name}\n    path     ${d.path}\n    expected ${d.expectedPath ?? '(parent missing)'}`);
    }
    return 1;
  } finally {
    await handle.close();
  }
}

checkTree().then((status) => { process.exitCode = status; }, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
