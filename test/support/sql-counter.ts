import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/** Counts the SQL statements the app sends, so tests can assert a fixed number per operation. */
export class SqlCounter extends AbstractLogger {
  statements: string[] = [];

  override logQuery(query: string): void {
    this.statements.push(query);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}

  /** The statements `work` sent, transaction control excluded. */
  async count(work: () => Promise<unknown>): Promise<string[]> {
    const before = this.statements.length;
    await work();
    return this.statements.slice(before).filter((sql) => !/^(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql));
  }
}
