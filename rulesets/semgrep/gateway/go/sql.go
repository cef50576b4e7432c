// Gateway-bypass rules, SQL: annotated test file for sql.yaml.
package store

import (
	"context"
	"database/sql/driver"
	gosql "database/sql"
	"fmt"

	pg "github.com/go-pg/pg/v10"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	legacy "example.com/internal/sql"
)

func Open(ctx context.Context, dsn string) error {
	// ruleid: gateway-go-sql-open
	db, err := gosql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()

	// ruleid: gateway-go-sqlx-mustconnect
	xdb := sqlx.MustConnect("postgres", dsn)
	// ruleid: gateway-go-sqlx-open
	ydb, _ := sqlx.Open("postgres", dsn)
	// ruleid: gateway-go-sqlx-newdb
	zdb := sqlx.NewDb(db, "postgres")

	// ruleid: gateway-go-gorm-open
	orm, _ := gorm.Open(postgres.Open(dsn), &gorm.Config{})

	// ruleid: gateway-go-pgx-connect
	conn, _ := pgx.Connect(ctx, dsn)
	// ruleid: gateway-go-pgxpool-new
	pool, _ := pgxpool.New(ctx, dsn)
	// ruleid: gateway-go-gopg-connect
	gopg := pg.Connect(&pg.Options{Addr: "db.internal:5432"})

	// A package named sql that is not database/sql.
	// ok: gateway-go-sql-open
	other := legacy.Open("not a database")

	fmt.Println(xdb, ydb, zdb, orm, conn, pool, gopg, other)
	return nil
}

func Variants(ctx context.Context, dsn string, connector driver.Connector) {
	// ruleid: gateway-go-sql-opendb
	a := gosql.OpenDB(connector)
	// ruleid: gateway-go-sqlx-connect
	b, _ := sqlx.Connect("postgres", dsn)
	// ruleid: gateway-go-sqlx-connectcontext
	c, _ := sqlx.ConnectContext(ctx, "postgres", dsn)
	// ruleid: gateway-go-sqlx-mustopen
	d := sqlx.MustOpen("postgres", dsn)
	cfg, _ := pgx.ParseConfig(dsn)
	// ruleid: gateway-go-pgx-connectconfig
	e, _ := pgx.ConnectConfig(ctx, cfg)
	poolCfg, _ := pgxpool.ParseConfig(dsn)
	// ruleid: gateway-go-pgxpool-newwithconfig
	f, _ := pgxpool.NewWithConfig(ctx, poolCfg)
	// ruleid: gateway-go-pgxpool-connect
	g, _ := pgxpool.Connect(ctx, dsn)
	// ruleid: gateway-go-pgxpool-connectconfig
	h, _ := pgxpool.ConnectConfig(ctx, poolCfg)
	fmt.Println(a, b, c, d, e, f, g, h)
}
