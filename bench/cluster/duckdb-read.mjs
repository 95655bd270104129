// DuckDB as a second, independent Parquet reader of a publication: for each table, the columns and types
// DuckDB sees (with Hive partitioning) and the row count, overall and per period.
// Usage: node bench/cluster/duckdb-read.mjs <out-dir>   (npm install in bench/cluster first)
// Exits 1 when a table is missing, empty, unreadable, or a column has a type other readers would not expect.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node duckdb-read.mjs <out-dir>');
  process.exit(2);
}

// what a reader that knows nothing of Spark must see: standard types, not INT96 or untyped binaries
const EXPECTED = {
  returns: { period: 'VARCHAR', scheme_id: 'VARCHAR', received_at: 'TIMESTAMP WITH TIME ZONE', observations: 'BIGINT',
    problems: 'VARCHAR[]' },
  observations: { period: 'VARCHAR', scheme_id: 'VARCHAR', value: 'DOUBLE', suppressed: 'BOOLEAN' },
  indicators: { period: 'VARCHAR', indicator: 'VARCHAR', value: 'DOUBLE', lower_ci: 'DOUBLE' },
  breakdowns: { period: 'VARCHAR', group_type: 'VARCHAR', schemes: 'INTEGER', value: 'DOUBLE' },
  funnels: { period: 'VARCHAR', scheme_id: 'VARCHAR', z_score: 'DOUBLE', inside_95: 'BOOLEAN' },
};

const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
let failures = 0;
for (const [table, expected] of Object.entries(EXPECTED)) {
  const dir = join(out, 'parquet', table);
  if (!existsSync(dir)) {
    console.log(`${table}: MISSING ${dir}`);
    failures++;
    continue;
  }
  const src = `read_parquet('${dir.replaceAll("'", "''")}/*/*.parquet', hive_partitioning = true)`;
  try {
    const columns = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJson();
    const types = Object.fromEntries(columns.map((r) => [r.column_name, r.column_type]));
    const rows = (await c.runAndReadAll(`SELECT count(*) AS n FROM ${src}`)).getRowObjectsJson()[0].n;
    const byPeriod = (await c.runAndReadAll(
      `SELECT period, count(*) AS n FROM ${src} GROUP BY period ORDER BY period`)).getRowObjectsJson();
    console.log(`${table}: ${rows} rows (${byPeriod.map((r) => `${r.period}=${r.n}`).join(', ')})`);
    console.log(`  columns: ${columns.map((r) => `${r.column_name} ${r.column_type}`).join(', ')}`);
    for (const [col, type] of Object.entries(expected)) {
      if (types[col] !== type) {
        console.log(`  WRONG TYPE: ${col} is ${types[col] ?? 'absent'}, expected ${type}`);
        failures++;
      }
    }
    if (Number(rows) === 0) {
      console.log('  EMPTY');
      failures++;
    }
  } catch (e) {
    console.log(`${table}: UNREADABLE ${e.message}`);
    failures++;
  }
}
c.closeSync?.();
process.exit(failures === 0 ? 0 : 1);
