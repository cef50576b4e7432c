// Annotated test file for endpoint-literal-typescript.
import fetch from "node-fetch";
// ES import specifiers are not string expressions for semgrep: not extracted
// todoruleid: endpoint-literal-typescript
import mod from "https://deno.land/x/mod/mod.ts";

// ruleid: endpoint-literal-typescript
const API: string = "https://api.example.com/v1";
// ruleid: endpoint-literal-typescript
const WS = 'wss://stream.example.com/socket';
// ruleid: endpoint-literal-typescript
const MONGO = `mongodb://db1.example.com:27017,db2.example.com:27017/app`;
// ruleid: endpoint-literal-typescript
const HOST = "cdn.example.com";
// ruleid: endpoint-literal-typescript
const IP = "203.0.113.9:3000";
// ruleid: endpoint-literal-typescript
const REGION = "eu-south-2";
// ruleid: endpoint-literal-typescript
const AZURE = "North Europe";
// ruleid: endpoint-literal-typescript
const TEMPLATE = `https://${tenant}.example.com/api`;
// ruleid: endpoint-literal-typescript
const TEMPLATE2 = `https://api.example.com/${version}/items`;
// ruleid: endpoint-literal-typescript
const config = { endpoint: "https://config.example.com", region: "ca-central-1" };
// ruleid: endpoint-literal-typescript
fetch("https://call.example.com/x");
// ruleid: endpoint-literal-typescript
const client = require("redis").createClient({ url: "redis://cache.example.com:6379" });

// negatives
// ok: endpoint-literal-typescript
const word = "hello";
// ok: endpoint-literal-typescript
const css = "text-align";
// ok: endpoint-literal-typescript
const file = "index.ts";
// ok: endpoint-literal-typescript
const keyOnly = { "key.example.com": 1 };
// ok: endpoint-literal-typescript
const alias = API; // "https://comment.example.com"
/* 'https://block.example.com' */
// ok: endpoint-literal-typescript
const n = 1;

interface Options {
  // ok: endpoint-literal-typescript
  region: "eu" | "us";
}
// ruleid: endpoint-literal-typescript
const typed: Options["region"] | string = "me-central-1";

// longer text (issue 12, class 2): template literals, each candidate on its own line
const transcript: string = `POST /v1/events HTTP/1.1
// ruleid: endpoint-literal-typescript
Host: transcript.example.com
// ok: endpoint-literal-typescript
deployed to eu-west-2 last year
`;
// ruleid: region-location-typescript
const bq = new BigQuery({ location: "US" });
// ok: region-location-typescript
const label = { text: "US" };
