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
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
      /* Fifteen tabs do not fit one row: they wrap (and the header grows with them), so that every step of the story stays in sight.
         Scoped to #graphiql so that they win over GraphiQL's own rules, whatever order the style sheets load in. */
      #graphiql .graphiql-session-header { height: auto; min-height: var(--session-header-height); flex: 0 0 auto; align-items: flex-start; }
      #graphiql .graphiql-session { min-height: 0; }
      #graphiql .graphiql-tabs { flex-wrap: wrap; overflow: visible; row-gap: var(--px-8); column-gap: var(--px-12); }
      #graphiql .graphiql-tabs > :not(:first-child) { margin-left: 0; }
      #graphiql .graphiql-tab { flex: 0 0 auto; }
      .bwp-story { padding: 0 12px; font-size: 14px; }
      .bwp-story code { word-break: break-all; }
    </style>
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

/**
 * Starts GraphiQL with one tab per example operation, the demo token in the headers and the
 * Variables pane open. The story is carried from tab to tab: what an answer returns that a later
 * step needs (the link's ID, the authorization state and code, a product, an order, the unlink
 * request) is remembered, and a later tab's `{{name}}` variables are filled in with it when it runs.
 * The "Story" panel shows what has been carried so far.
 */
const explorerScript = `(async function () {
  const config = await (await fetch('${GRAPHIQL_PATH}/config.json')).json();
  const carried = JSON.parse(sessionStorage.getItem('bwp-story') || '{}');
  const listeners = new Set();

  /** A path such as "catalogProducts.nodes[eligibleForPrime].id": [field] picks the first item where that field is true. */
  function pick(data, path) {
    return path.split('.').reduce((value, segment) => {
      if (value === undefined || value === null) return undefined;
      const match = /^(\\w+)\\[(\\w+)\\]$/.exec(segment);
      if (!match) return value[segment];
      const list = value[match[1]];
      return Array.isArray(list) ? list.find((item) => item && item[match[2]]) : undefined;
    }, data);
  }

  function remember(operationName, result) {
    const rules = config.carry[operationName];
    if (!rules || !result || !result.data) return;
    for (const [name, path] of Object.entries(rules)) {
      const value = pick(result.data, path);
      if (value !== undefined && value !== null) carried[name] = value;
    }
    sessionStorage.setItem('bwp-story', JSON.stringify(carried));
    listeners.forEach((listener) => listener());
  }

  function fill(value) {
    if (typeof value === 'string') {
      const whole = /^{{(\\w+)}}$/.exec(value);
      if (whole) return whole[1] in carried ? carried[whole[1]] : value;
      return value;
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    return value;
  }

  // Subscriptions go over WebSocket to the same path (graphql-ws, bundled in GraphiQL); the Headers pane's
  // Authorization is sent as connection_init's payload.
  const subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.endpoint;
  const base = GraphiQL.createFetcher({ url: config.endpoint, subscriptionUrl });
  const fetcher = async (params, options) => {
    // Right after a tab switch GraphiQL can still name the previous tab's operation (and hold its parsed document): keep a name only if the document has it.
    const names = [...String(params.query).matchAll(/(?:query|mutation|subscription)\\s+(\\w+)/g)].map((match) => match[1]);
    const operationName = names.includes(params.operationName) ? params.operationName : names[0];
    // GraphiQL's fetcher may answer with an async iterator (incremental delivery): remember every payload as it passes.
    // The document too (GraphiQL sends subscriptions over WebSocket by finding the operation in it).
    let documentAST = options && options.documentAST;
    try {
      documentAST = GraphiQL.GraphQL.parse(String(params.query));
    } catch (error) {
      // GraphiQL shows the syntax error from the server's answer.
    }
    const result = await base({ ...params, operationName, variables: fill(params.variables || {}) }, { ...options, documentAST });
    if (result && typeof result[Symbol.asyncIterator] === 'function') {
      return (async function* () {
        for await (const payload of result) {
          remember(operationName, payload);
          yield payload;
        }
      })();
    }
    remember(operationName, result);
    return result;
  };

  function StoryPanel() {
    const [, setVersion] = React.useState(0);
    React.useEffect(() => {
      const listener = () => setVersion((version) => version + 1);
      listeners.add(listener);
      return () => listeners.delete(listener);
    }, []);
    const entries = Object.entries(carried);
    return React.createElement('div', { className: 'bwp-story' },
      React.createElement('h3', null, 'Story'),
      React.createElement('p', null, 'Run the tabs from left to right. What an answer returns that a later step needs is carried into that step\\'s {{name}} variables.'),
      entries.length === 0
        ? React.createElement('p', null, 'Nothing carried yet: run StartSellerCentralLink.')
        : React.createElement('dl', null, entries.flatMap(([name, value]) => [
            React.createElement('dt', { key: name + ':name' }, name),
            React.createElement('dd', { key: name + ':value' }, React.createElement('code', null, String(value))),
          ])),
      React.createElement('button', { type: 'button', className: 'graphiql-button', onClick: () => {
        for (const name of Object.keys(carried)) delete carried[name];
        sessionStorage.removeItem('bwp-story');
        listeners.forEach((listener) => listener());
      } }, 'Forget the story'),
    );
  }

  const storyPlugin = {
    title: 'Story',
    icon: () => React.createElement('span', { 'aria-hidden': true, style: { fontWeight: 700 } }, '→'),
    content: StoryPanel,
  };

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.headers,
      headers: config.headers,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'variables',
      plugins: [storyPlugin],
      visiblePlugin: storyPlugin,
    }),
  );
})();
`;

export interface GraphiQLOptions {
  /** Makes the token put in the Authorization header (a fresh one for each page), or null when there is no demo data. */
  demoToken: (() => Promise<string>) | null;
  operations: ExampleOperation[];
}

/** Variables per operation: `{{name}}` is filled in from an earlier answer (see `carriedValues`). */
const variableTemplates: Record<string, Record<string, unknown>> = {
  SandboxAuthorizeSellerCentral: { authorizationState: '{{authorizationState}}' },
  CompleteSellerCentralLink: { linkId: '{{linkId}}', authorizationCode: '{{authorizationCode}}' },
  SetOfferPrime: { productId: '{{productId}}', offerPrime: true },
  SandboxPlaceOrder: { productId: '{{productId}}' },
  SandboxSendOrderEvent: { orderId: '{{orderId}}', eventType: 'PACKAGE_DELIVERED' },
  RequestUnlink: { reason: 'We are moving to another fulfillment provider.' },
  WithdrawUnlinkRequest: { unlinkRequestId: '{{unlinkRequestId}}' },
};

/** What each operation's answer carries to later steps: a name, and where it is in `data`. */
const carriedValues: Record<string, Record<string, string>> = {
  StartSellerCentralLink: { linkId: 'startSellerCentralLink.link.id', authorizationState: 'startSellerCentralLink.authorizationState' },
  SandboxAuthorizeSellerCentral: { authorizationCode: 'sandboxAuthorizeSellerCentral.authorizationCode' },
  Catalog: { productId: 'catalogProducts.nodes[eligibleForPrime].id' },
  SetOfferPrime: { productId: 'setOfferPrime.product.id' },
  SandboxPlaceOrder: { orderId: 'sandboxPlaceOrder.order.id' },
  RequestUnlink: { unlinkRequestId: 'requestUnlink.unlinkRequest.id' },
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
  const config = async () => {
    const headers = JSON.stringify(options.demoToken ? { Authorization: `Bearer ${await options.demoToken()}` } : {}, null, 2);
    const tabs = options.operations.map(({ document }) => {
      const variables = variableTemplates[operationName(document) ?? ''];
      return { query: document, variables: variables ? JSON.stringify(variables, null, 2) : undefined, headers };
    });
    return JSON.stringify({ endpoint: '/graphql', headers, tabs, carry: carriedValues });
  };

  fastify.get(GRAPHIQL_PATH, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  fastify.get(`${GRAPHIQL_PATH}/explorer.js`, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(explorerScript));
  fastify.get(`${GRAPHIQL_PATH}/config.json`, async (_request, reply) => reply.type('application/json').header('cache-control', 'no-store').send(await config()));
  fastify.get<{ Params: { file: string } }>(`${GRAPHIQL_PATH}/assets/:file`, async (request, reply) => {
    const file = files[request.params.file];
    if (!file) return reply.code(404).send({ error: 'NOT_FOUND' });
    return reply.type(file.contentType).header('cache-control', 'public, max-age=3600').send(file.body);
  });
}
