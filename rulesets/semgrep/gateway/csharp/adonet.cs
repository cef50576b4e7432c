// Gateway-bypass rules, ADO.NET: annotated test file for adonet.yaml.
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace Shop.Reports
{
    public class Reports
    {
        // ruleid: gateway-csharp-sqlclient-connection
        private readonly SqlConnection _field = new("Server=db;Database=shop");

        public void Run(string cs)
        {
            // ruleid: gateway-csharp-sqlclient-connection
            using var sql = new SqlConnection(cs);
            // ruleid: gateway-csharp-npgsql-connection
            using var pg = new NpgsqlConnection(cs);
            // ruleid: gateway-csharp-npgsql-connection
            var source = NpgsqlDataSource.Create(cs);
            // ruleid: gateway-csharp-mysql-connection
            using var my = new MySqlConnection(cs);
            // ruleid: gateway-csharp-sqlite-connection
            using var lite = new SqliteConnection("Data Source=shop.db");
            // A connection-string builder holds text, no connection: not access.
            // ok: gateway-csharp-sqlclient-connection
            var builder = new SqlConnectionStringBuilder(cs);
            // A same-named class of another namespace: never matched.
            // ok: gateway-csharp-sqlclient-connection
            var fake = new Shop.Testing.SqlConnection(cs);
        }
    }
}
