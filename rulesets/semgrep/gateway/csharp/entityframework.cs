// Gateway-bypass rules, Entity Framework: annotated test file for entityframework.yaml.
using System;
using Microsoft.EntityFrameworkCore;

namespace Shop.Orders
{
    // ruleid: gateway-csharp-ef-dbcontext
    public class OrdersContext : DbContext
    {
        public DbSet<Order> Orders { get; set; }
    }

    // ruleid: gateway-csharp-ef-dbcontext
    public class AuditContext : DbContext, IDisposable
    {
    }

    // A class of the project's own called DbContext lives in another namespace: not EF.
    // ok: gateway-csharp-ef-dbcontext
    public class LegacyContext : Shop.Legacy.DbContext
    {
    }

    public class Order
    {
        public int Id { get; set; }
    }
}
