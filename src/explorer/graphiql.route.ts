import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FastifyInstance } from 'fastify';
import { ExampleOperation } from './operations';

/** The files the page loads, all from the project's own dependencies: nothing comes from the network. */
const assets: Record<string, { packageName: string; path: string; contentType: string }> = {
  'react.js': { packageName: 'react', path: 'umd/react.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'react-dom.js': { packageName: 'react-dom', path: 'umd/react-dom.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.js': { packageName: 'graphiql', path: 'graphiql.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.css': { packageName: 'graphiql', path: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
};

/** A file of an installed package (its `exports` may not list it, so it is found from package.json). */
function packageFile(packageName: string, path: string): Buffer {
  return readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), path));
}

export const GRAPHIQL_PATH = '/graphiql';

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Buy with Prime console API: GraphiQL</title>
    <link rel="stylesheet" href="${GRAPHIQL_PATH}/assets/graphiql.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${GRAPHIQL_PATH}/assets/react.js"></script>
    <script src="${GRAPHIQL_PATH}/assets/react-dom.js"></script>
    <script src="${GRAPHIQL_PATH}/assets/graphiql.js"></script>
    <script src="${GRAPHIQL_PATH}/explorer.js"></script>
  </body>
</html>
`;

/** Starts GraphiQL with one tab per example operation and the demo token in the headers. */
const explorerScript = `(async function () {
  const config = await (await fetch('${GRAPHIQL_PATH}/config.json')).json();
  const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.headers,
      headers: config.headers,
      shouldPersistHeaders: false,
      defaultEditorToolbarOpen: true,
    }),
  );
})();
`;

export interface GraphiQLOptions {
  /** The token put in the Authorization header, or null when there is no demo data. */
  demoToken: string | null;
  operations: ExampleOperation[];
}

/** Variables a newcomer fills in, per operation; the comment in each file says where they come from. */
const variableTemplates: Record<string, Record<string, unknown>> = {
  SandboxAuthorizeSellerCentral: { authorizationState: 'paste authorizationState from StartSellerCentralLink' },
  CompleteSellerCentralLink: { linkId: 'paste link.id from StartSellerCentralLink', authorizationCode: 'paste authorizationCode' },
  SetOfferPrime: { productId: 'paste a product id from Catalog', offerPrime: true },
  SandboxPlaceOrder: { productId: 'paste the id of a product that offers Prime' },
  SandboxSendOrderEvent: { orderId: 'paste order.id from SandboxPlaceOrder', eventType: 'PACKAGE_DELIVERED' },
  RequestUnlink: { reason: 'We are moving to another fulfillment provider.' },
  WithdrawUnlinkRequest: { unlinkRequestId: 'paste unlinkRequest.id from RequestUnlink' },
};

function operationName(document: string): string | undefined {
  return /(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
}

/**
 * GraphiQL served by the server itself (development by default; see GRAPHIQL in the README), for
 * frontend engineers to explore the API before they write code.
 */
export async function registerGraphiQL(fastify: FastifyInstance, options: GraphiQLOptions): Promise<void> {
  const files = Object.fromEntries(
    Object.entries(assets).map(([name, asset]) => [name, { body: packageFile(asset.packageName, asset.path), contentType: asset.contentType }]),
  );
  const headers = JSON.stringify(options.demoToken ? { Authorization: `Bearer ${options.demoToken}` } : {}, null, 2);
  const tabs = options.operations.map(({ document }) => {
    const variables = variableTemplates[operationName(document) ?? ''];
    return { query: document, variables: variables ? JSON.stringify(variables, null, 2) : undefined, headers };
  });
  const config = JSON.stringify({ endpoint: '/graphql', headers, tabs });

  fastify.get(GRAPHIQL_PATH, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  fastify.get(`${GRAPHIQL_PATH}/explorer.js`, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(explorerScript));
  fastify.get(`${GRAPHIQL_PATH}/config.json`, async (_request, reply) => reply.type('application/json').send(config));
  fastify.get<{ Params: { file: string } }>(`${GRAPHIQL_PATH}/assets/:file`, async (request, reply) => {
    const file = files[request.params.file];
    if (!file) return reply.code(404).send({ error: 'NOT_FOUND' });
    return reply.type(file.contentType).header('cache-control', 'public, max-age=3600').send(file.body);
  });
}
