import type { Pool, PoolClient } from "pg";

/**
 * Runs `work` on one connection of `pool` inside BEGIN … COMMIT: all or nothing. On any error the
 * transaction is rolled back (a failed ROLLBACK, as on a broken connection, is not what the caller
 * needs to hear) and the error is thrown again; the connection always goes back to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
