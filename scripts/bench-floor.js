// The benchmark's floor: the same HTTP framework answering each operation with its recorded
// response bytes, with no GraphQL and no database. Started by scripts/bench.ts.
const { readFileSync } = require('node:fs');
const Fastify = require('fastify');

const recorded = JSON.parse(readFileSync(process.env.BENCH_RECORDED, 'utf8'));
const app = Fastify({ logger: false });
app.post('/graphql', async (request, reply) => {
  const body = recorded[request.body.query];
  return reply.type('application/json; charset=utf-8').send(body ?? '{"errors":[{"message":"not recorded"}]}');
});
app.listen({ host: '127.0.0.1', port: 0 }).then((address) => process.stdout.write(`GraphQL: ${address}/graphql\n`));
