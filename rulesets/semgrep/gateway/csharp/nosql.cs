// Gateway-bypass rules, document stores: annotated test file for nosql.yaml.
using MongoDB.Driver;

namespace Shop.Catalog
{
    public class Catalog
    {
        private readonly IMongoDatabase _database;

        public Catalog(IMongoDatabase database)
        {
            _database = database;
        }

        public void Run(string cs)
        {
            // ruleid: gateway-csharp-mongodb-client
            var client = new MongoClient(cs);
            // ruleid: gateway-csharp-mongodb-client
            _database.GetCollection<object>("products");
            // ok: gateway-csharp-mongodb-client
            var url = new MongoUrl(cs);
        }
    }
}
