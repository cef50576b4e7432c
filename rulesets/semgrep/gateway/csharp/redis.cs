// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
using StackExchange.Redis;

namespace Shop.Cache
{
    public class Sessions
    {
        private readonly IConnectionMultiplexer _redis;
        private readonly IDatabase _db;

        public Sessions(IConnectionMultiplexer redis, IDatabase db)
        {
            _redis = redis;
            _db = db;
        }

        public async void Run(string cs)
        {
            // ruleid: gateway-csharp-stackexchange-redis
            var muxer = ConnectionMultiplexer.Connect(cs);
            // ruleid: gateway-csharp-stackexchange-redis
            var other = await ConnectionMultiplexer.ConnectAsync(cs);
            // ruleid: gateway-csharp-stackexchange-redis
            _redis.GetDatabase();
            // Redis streams: XADD through the injected database.
            // ruleid: gateway-csharp-stackexchange-redis
            _db.StreamAdd("orders", "id", "42");
            // Options are configuration, not a connection.
            // ok: gateway-csharp-stackexchange-redis
            var options = ConfigurationOptions.Parse(cs);
        }
    }
}
