// A versioned migration: the SQL statements it runs, in order, inside one transaction.

export interface MigrationContext {
  /** True when the server offers pgvector (PGlite always does). */
  pgvector: boolean;
}

export interface Migration {
  version: number;
  name: string;
  statements: (context: MigrationContext) => string[];
}
