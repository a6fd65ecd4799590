import type Database from 'better-sqlite3';

/**
 * Prepared statements by SQL text. Preparing costs more than running, so recent ones are
 * kept; least recently used first out, so that memory stays bounded even should a caller
 * find a way to vary the SQL text (query shapes are few: see sqlite-query.ts).
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly max = 256,
  ) {}

  get size(): number {
    return this.statements.size;
  }

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.max) this.statements.delete(this.statements.keys().next().value as string);
    return statement;
  }
}
