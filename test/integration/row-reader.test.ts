import { QueryFailedError } from 'typeorm';
import { RowReader } from '../../src/database/row-reader';
import { isStatementTimeout } from '../../src/server/error-formatting';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The hot pages' reads (src/database/row-reader.ts): plain rows for TypeORM's named parameters, through
 * prepared statements, on SQLite and, in `npm run test:postgres`, on PostgreSQL.
 */
const database = onPostgres ? 'PostgreSQL' : 'SQLite';
let server: TestServer;
let reader: RowReader;

beforeEach(async () => {
  server = await startTestServer();
  reader = new RowReader(server.app.dataSource);
});

afterEach(async () => {
  await server.stop();
});

describe(`RowReader (${database})`, () => {
  it('answers rows keyed by column name, whatever the name, for named parameters of every kind', async () => {
    const sql = `SELECT :text AS "plain", :number AS "with ""quotes"" and \\ backslash", :list_size AS n, CASE WHEN :flag = :flag THEN 'yes' END AS "ünïcode"`;
    const rows = await reader.rows(sql, { text: 'a\'b', number: 7, list_size: 3, flag: true });
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(['plain', 'with "quotes" and \\ backslash', 'n', 'ünïcode']);
    expect(rows[0]).toMatchObject({ plain: 'a\'b', 'ünïcode': 'yes' });
    expect(Number(rows[0]['with "quotes" and \\ backslash'])).toBe(7);
  });

  it('prepares a text once and runs it with other values, listing every statement with the DataSource\'s logger', async () => {
    const sql = 'SELECT m.id FROM merchant m WHERE m.id IN (:...ids) ORDER BY m.id';
    const [{ id: first }, { id: second }] = await server.app.dataSource.query('SELECT id FROM merchant ORDER BY id LIMIT 2');
    const driver = server.app.dataSource.driver as unknown as { databaseConnection: { prepare: unknown }; master: { query: unknown } };
    const spy = onPostgres ? jest.spyOn(driver.master as { query: (config: { name?: string }) => unknown }, 'query') : jest.spyOn(driver.databaseConnection as { prepare: (sql: string) => unknown }, 'prepare');
    const statements = await server.sql.count(async () => {
      expect(await reader.rows(sql, { ids: [first, second] })).toEqual([{ id: first }, { id: second }]);
      expect(await reader.rows(sql, { ids: [second, 'nobody'] })).toEqual([{ id: second }]);
      expect(await reader.rows(sql, { ids: ['nobody', 'none'] })).toEqual([]);
    });
    expect(statements).toHaveLength(3);
    expect(new Set(statements).size).toBe(1);
    if (onPostgres) {
      // One name for the three runs: pg parses the statement once per connection.
      const names = spy.mock.calls.map(([config]) => (config as { name?: string }).name);
      expect(names).toHaveLength(3);
      expect(new Set(names).size).toBe(1);
      expect(names[0]).toMatch(/^bwp_/);
    } else {
      expect(spy).toHaveBeenCalledTimes(1);
    }
    spy.mockRestore();
  });

  it('a column named __proto__ is a key like any other', async () => {
    const [row] = await reader.rows('SELECT :value AS "__proto__", :value AS "constructor"', { value: 'x' });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
  });

  it('fails as TypeORM does, with a QueryFailedError that carries the driver\'s error', async () => {
    const failure = await reader.rows('SELECT no_such_column FROM merchant WHERE id = :id', { id: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError).driverError).toBeDefined();
    expect(isStatementTimeout(failure)).toBe(false);
  });
});
