// Module boundaries (docs/ARCHITECTURE.md), checked by scripts/check-deps.mjs (`node scripts/check-deps.mjs`).
// Rules with scope 'folder' are checked on the production code only (tests and fixtures left out: a test may
// use a higher module's fixtures without making the modules depend on each other); the others on all of src/.
const TEST = '(\\.test\\.tsx?|\\.testing\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      scope: 'folder',
      severity: 'error',
      comment: 'Module folders form a graph with no cycle: a lower module never imports a higher one (pass a callback or move the rule down).',
      from: { path: '^src/modules/[^/]+$' },
      to: { path: '^src/modules/[^/]+$', circular: true },
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment: "Another module is used through its index.ts only (tests may also import its *.testing.ts fixtures).",
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-deep-import-from-tests',
      severity: 'error',
      comment: "A test uses another module through its index.ts or its *.testing.ts fixtures.",
      from: { path: `^src/modules/([^/]+)/.*${TEST}` },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '\\.testing\\.ts$'] },
    },
    {
      name: 'no-deep-import-from-outside',
      severity: 'error',
      comment: 'Code outside src/modules (the app, the test harness, main.ts) uses a module through its index.ts (tests: also *.testing.ts).',
      from: { path: '^src/', pathNot: ['^src/modules/', '^src/web/', TEST] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-deep-import-from-outside-tests',
      severity: 'error',
      comment: 'A test outside src/modules uses a module through its index.ts or its *.testing.ts fixtures.',
      from: { path: `^src/.*${TEST}`, pathNot: ['^src/modules/', '^src/web/'] },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/[^/]+/index\\.ts$', '\\.testing\\.ts$'] },
    },
    {
      name: 'platform-not-modules',
      severity: 'error',
      comment: 'platform is what every module uses: it never imports a module, the app or the web (the app passes the module registrar in).',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|app|web)/' },
    },
    {
      name: 'platform-not-testing',
      severity: 'error',
      comment: "platform's own code never imports the test harness (which imports modules); its tests may.",
      from: { path: '^src/platform/', pathNot: TEST },
      to: { path: '^src/testing/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The browser app talks to the server over HTTP only; code both share lives in src/shared (tests may compare with the server).',
      from: { path: '^src/web/', pathNot: TEST },
      to: { path: '^src/(modules|platform|app|testing)/|^src/main\\.ts$' },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'src/shared is imported by web and server alike, so it imports neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(modules|platform|app|testing|web)/|^src/main\\.ts$' },
    },
    {
      name: 'model-is-pure',
      severity: 'error',
      comment: 'A model.ts holds pure rules: no database, Fastify or React (types from platform/db/schema.ts are fine).',
      from: { path: '(^|/)model\\.ts$' },
      to: { path: ['node_modules/(kysely|pg|@electric-sql|fastify|@fastify|fastify-[^/]+|react|react-dom|@mantine|@tanstack)/', '^src/platform/(db|http)/'], pathNot: '^src/platform/db/schema\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
  },
};
