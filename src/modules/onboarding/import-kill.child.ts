// The process import-kill.db.test.ts kills: it imports a people file into the database it is given and,
// once the transaction has written its first batch of people, says so on stdout and waits inside the
// transaction for its SIGKILL. Not a test file; run as `node --import tsx import-kill.child.ts`.
//   env: KILL_DATABASE_URL + KILL_SCHEMA (PostgreSQL) or KILL_PGLITE_DIR; KILL_TENANT, KILL_USER, KILL_ROOT (id|path|name)
import fs from 'node:fs';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { openDatabase } from '../../platform/db/database.ts';
import { importPeople } from './service.ts';

const env = process.env;
const [rootId, rootPath, rootName] = env.KILL_ROOT!.split('|') as [string, string, string];

/** Watches the import's statements: after the first INSERT INTO people has run, stop there for good. */
class StopAfterFirstPeopleInsert implements KyselyPlugin {
  #peopleInserts = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as RootOperationNode & { kind: string; sqlFragments?: readonly string[] };
    if (node.kind === 'RawNode' && node.sqlFragments?.some((f) => /INSERT INTO people\b/.test(f))) this.#peopleInserts.add(args.queryId);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#peopleInserts.has(args.queryId)) {
      process.stdout.write('inside the transaction, people written\n');
      await new Promise(() => {}); // never returns: the test kills this process here
    }
    return args.result;
  }
}

const handle = await openDatabase(env.KILL_DATABASE_URL
  ? { databaseUrl: env.KILL_DATABASE_URL, schema: env.KILL_SCHEMA! }
  : { pgliteDir: env.KILL_PGLITE_DIR! });
await importPeople({
  db: handle.db.withPlugin(new StopAfterFirstPeopleInsert()),
  actor: {
    userId: env.KILL_USER!, tenantId: env.KILL_TENANT!, username: 'quantri', displayName: 'Quản trị', personId: null,
    grants: [{ id: env.KILL_USER!, role: 'system_admin', organisationId: rootId, organisationName: rootName, path: rootPath }],
  },
  now: new Date(), requestId: 'kill-test',
}, { file: fs.readFileSync(env.KILL_FILE!), fileName: 'can-bo.xlsx', dryRun: false, locale: 'vi' });
process.stdout.write('finished without being killed\n');
