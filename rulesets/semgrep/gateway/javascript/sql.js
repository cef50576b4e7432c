// Gateway-bypass rules, SQL drivers and ORMs: annotated test file for sql.yaml.
import { Pool, Client as PgClient } from 'pg';
import pgLib from 'pg';
import * as mysql from 'mysql2/promise';
import knex from 'knex';
import { PrismaClient } from '@prisma/client';
import { Sequelize } from 'sequelize';
import { DataSource, createConnection } from 'typeorm';
import postgres from 'postgres';
import { Pool as WorkerPool } from 'generic-pool';
import { Client } from 'ssh2';

// ruleid: gateway-javascript-pg-pool
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
// ruleid: gateway-javascript-pg-pool
const legacyPool = new pgLib.Pool();

export async function legacyClient() {
  // ruleid: gateway-javascript-pg-client
  const client = new PgClient({ host: 'db.internal' });
  await client.connect();
  return client;
}

// ruleid: gateway-javascript-mysql-createpool
const mysqlPool = mysql.createPool({ host: 'mysql.internal' });
// ruleid: gateway-javascript-mysql-createconnection
const mysqlConn = await mysql.createConnection({ host: 'mysql.internal' });

// ruleid: gateway-javascript-knex
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
// ok: gateway-javascript-knex
const users = await db('users').select('*');

// ruleid: gateway-javascript-prisma-client
const prisma = new PrismaClient();
// ruleid: gateway-javascript-sequelize
const sequelize = new Sequelize('postgres://db.internal/app');
// ruleid: gateway-javascript-typeorm-datasource
export const AppDataSource = new DataSource({ type: 'postgres' });
// ruleid: gateway-javascript-typeorm-createconnection
const legacyOrm = await createConnection({ type: 'mysql' });
// ruleid: gateway-javascript-postgres-js
const sql = postgres(process.env.DATABASE_URL);

// The same names from other libraries are no data store.
// ok: gateway-javascript-pg-pool
const workers = new WorkerPool({ max: 4 });
// ok: gateway-javascript-pg-client
const ssh = new Client();

function lazyPool() {
  const pg = require('pg');
  // ruleid: gateway-javascript-pg-pool
  return new pg.Pool();
}

function lazyClient() {
  const { Client: Pg } = require('pg');
  // ruleid: gateway-javascript-pg-client
  return new Pg();
}

function lazyKnex() {
  // ruleid: gateway-javascript-knex
  return require('knex')({ client: 'sqlite3' });
}

function sqlite() {
  var Database = require('better-sqlite3');
  // ruleid: gateway-javascript-better-sqlite3
  return new Database('app.db');
}

// A comment is no call: new Pool({ host: 'db.internal' })
// ok: gateway-javascript-pg-pool
const text = 'new Pool()';
