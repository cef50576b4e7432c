// Annotated test file for endpoint-literal-csharp.
using System;

class Endpoints
{
    // ok: endpoint-literal-csharp
    // var old = "https://comment.example.com";
    // ruleid: endpoint-literal-csharp
    const string Api = "https://api.example.com/v1";
    // ruleid: endpoint-literal-csharp
    string host = @"db.example.com";
    // ruleid: endpoint-literal-csharp
    string conn = "Server=tcp:orders.database.windows.net,1433;Database=app";
    // ruleid: endpoint-literal-csharp
    string tmpl = $"https://{tenant}.example.com/path";
    // ruleid: endpoint-literal-csharp
    string region = "ap-northeast-1";
    // ok: endpoint-literal-csharp
    string name = "OrdersService";
    /// <summary>ok: endpoint-literal-csharp (XML doc comments are comments)</summary>
    // ok: endpoint-literal-csharp
    string version = "1.2.3";
}
