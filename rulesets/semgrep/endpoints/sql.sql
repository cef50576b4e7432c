-- Annotated test file for endpoint-literal-sql.
/* ok: endpoint-literal-sql */
-- INSERT INTO hosts VALUES ('https://comment.example.com');
/* ok: endpoint-literal-sql */
/* 'db.comment.example.com' */
CREATE SERVER remote_pg FOREIGN DATA WRAPPER postgres_fdw
  /* ruleid: endpoint-literal-sql */
  OPTIONS (host 'pg.example.com', port '5432', dbname 'app');
INSERT INTO webhooks (url) VALUES
  /* ruleid: endpoint-literal-sql */
  ('https://hooks.example.com/in'),
  /* ruleid: endpoint-literal-sql */
  ('203.0.113.9');
/* ruleid: endpoint-literal-sql */
UPDATE settings SET value = 'us-east-2' WHERE key = 'region';
/* ok: endpoint-literal-sql */
SELECT u.name, t.id FROM public.users u JOIN app.teams t ON t.owner = u.id;
/* ok: endpoint-literal-sql */
INSERT INTO notes VALUES ('see the docs at our site');
