// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
package cache

import (
	"context"

	"github.com/gomodule/redigo/redis"
	goredis "github.com/redis/go-redis/v9"
)

func Clients() {
	// ruleid: gateway-go-redis-newclient
	single := goredis.NewClient(&goredis.Options{Addr: "cache.internal:6379"})
	// ruleid: gateway-go-redis-newclusterclient
	cluster := goredis.NewClusterClient(&goredis.ClusterOptions{Addrs: []string{"c1:6379"}})
	// ruleid: gateway-go-redis-newuniversalclient
	universal := goredis.NewUniversalClient(&goredis.UniversalOptions{})
	// ruleid: gateway-go-redigo-dial
	conn, _ := redis.Dial("tcp", "cache.internal:6379")
	// ok: gateway-go-redis-newclient
	opts := goredis.Options{Addr: "cache.internal:6379"}
	_, _, _, _, _ = single, cluster, universal, conn, opts
}

func MoreClients(ctx context.Context) {
	// ruleid: gateway-go-redis-newfailoverclient
	failover := goredis.NewFailoverClient(&goredis.FailoverOptions{MasterName: "m"})
	// ruleid: gateway-go-redis-newring
	ring := goredis.NewRing(&goredis.RingOptions{})
	// ruleid: gateway-go-redigo-dialcontext
	c1, _ := redis.DialContext(ctx, "tcp", "cache.internal:6379")
	// ruleid: gateway-go-redigo-dialurl
	c2, _ := redis.DialURL("redis://cache.internal:6379")
	_, _, _, _ = failover, ring, c1, c2
}
