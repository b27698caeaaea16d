// PostGraphile 4 serving the bench's PostgreSQL data as a peer (npm run bench -- --postgres --peer), as a library in
// a plain node:http server, in production mode. The tables have no foreign keys: postgraphile.tags.json5 declares
// the relations the pages follow, adding nothing to the database. Prints its URL as the app does.
'use strict';
const http = require('node:http');
const { join } = require('node:path');
const { postgraphile } = require('postgraphile');
const { makePgSmartTagsFromFilePlugin } = require('postgraphile/plugins');

const middleware = postgraphile(process.env.DATABASE_URL, 'public', {
  appendPlugins: [makePgSmartTagsFromFilePlugin(join(__dirname, 'postgraphile.tags.json5'))],
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  retryOnInitFail: false,
  disableQueryLog: true,
  extendedErrors: [],
});

const server = http.createServer(middleware);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`PostGraphile GraphQL: http://127.0.0.1:${port}/graphql\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
