// Gateway-bypass rules, SQL drivers and ORMs: annotated test file for sql.yaml.
import { Pool, PoolConfig } from 'pg';
import type { Client as PgClientType } from 'pg';
import mysql from 'mysql2/promise';
import { knex, Knex } from 'knex';
import { PrismaClient } from '@prisma/client';
import { Sequelize } from 'sequelize-typescript';
import { DataSource, createConnection } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { Pool as ThreadPool } from 'threads';
import postgres = require('postgres');

const config: PoolConfig = { connectionString: process.env.DATABASE_URL };
// ruleid: gateway-typescript-pg-pool
export const pool: Pool = new Pool(config);

@Injectable()
export class UserRepository {
  private readonly db: Knex;

  constructor() {
    // ruleid: gateway-typescript-knex
    this.db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
  }

  async legacy(): Promise<PgClientType> {
    const { Client } = require('pg');
    // ruleid: gateway-typescript-pg-client
    const client = new Client();
    await client.connect();
    return client;
  }
}

// ruleid: gateway-typescript-mysql-createpool
const mysqlPool = mysql.createPool({ host: 'mysql.internal' });
// ruleid: gateway-typescript-prisma-client
const prisma = new PrismaClient<{ log: ['query'] }>();
// ruleid: gateway-typescript-sequelize
const sequelize = new Sequelize({ dialect: 'postgres', models: [] });
// ruleid: gateway-typescript-typeorm-datasource
export const AppDataSource = new DataSource({ type: 'postgres', entities: [] });
// ok: gateway-typescript-pg-pool
const threads = new ThreadPool(() => null, 4);
// ruleid: gateway-typescript-postgres-js
const sql = postgres(process.env.DATABASE_URL!);

export async function legacyConnections(): Promise<void> {
  // ruleid: gateway-typescript-typeorm-createconnection
  await createConnection({ type: 'postgres' });
  // ruleid: gateway-typescript-mysql-createconnection
  await mysql.createConnection({ host: 'mysql.internal' });
  const Database = require('better-sqlite3');
  // ruleid: gateway-typescript-better-sqlite3
  const local: unknown = new Database(':memory:');
}
