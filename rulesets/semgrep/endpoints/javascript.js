// Annotated test file for endpoint-literal-javascript.
import fetch from "node-fetch";
// ES import specifiers are not string expressions for semgrep: not extracted
// todoruleid: endpoint-literal-javascript
import mod from "https://deno.land/x/mod/mod.ts";

// ruleid: endpoint-literal-javascript
const API = "https://api.example.com/v1";
// ruleid: endpoint-literal-javascript
const WS = 'wss://stream.example.com/socket';
// ruleid: endpoint-literal-javascript
const MONGO = `mongodb://db1.example.com:27017,db2.example.com:27017/app`;
// ruleid: endpoint-literal-javascript
const HOST = "cdn.example.com";
// ruleid: endpoint-literal-javascript
const IP = "203.0.113.9:3000";
// ruleid: endpoint-literal-javascript
const REGION = "eu-south-2";
// ruleid: endpoint-literal-javascript
const AZURE = "North Europe";
// ruleid: endpoint-literal-javascript
const TEMPLATE = `https://${tenant}.example.com/api`;
// ruleid: endpoint-literal-javascript
const TEMPLATE2 = `https://api.example.com/${version}/items`;
// ruleid: endpoint-literal-javascript
const config = { endpoint: "https://config.example.com", region: "ca-central-1" };
// ruleid: endpoint-literal-javascript
fetch("https://call.example.com/x");
// ruleid: endpoint-literal-javascript
const client = require("redis").createClient({ url: "redis://cache.example.com:6379" });

// negatives
// ok: endpoint-literal-javascript
const word = "hello";
// ok: endpoint-literal-javascript
const css = "text-align";
// ok: endpoint-literal-javascript
const file = "index.js";
// ok: endpoint-literal-javascript
const keyOnly = { "key.example.com": 1 };
// ok: endpoint-literal-javascript
const alias = API; // "https://comment.example.com"
/* 'https://block.example.com' */
// ok: endpoint-literal-javascript
const n = 1;

// longer text (issue 12, class 2): template literals, each candidate on its own line
const transcript = `POST /v1/events HTTP/1.1
// ruleid: endpoint-literal-javascript
Host: transcript.example.com
// ruleid: endpoint-literal-javascript
region: ap-southeast-2
// ok: endpoint-literal-javascript
deployed to eu-west-2 last year
`;
// ruleid: endpoint-literal-javascript
const ossEndpoint = `oss-cn-beijing-${suffix}.aliyuncs.com`;
// ruleid: endpoint-literal-javascript
const s3Host = `s3.${x}.us-east-1.amazonaws.com`;
// ruleid: region-location-javascript
const bq = new BigQuery({ projectId: "p", location: "US" });
// ok: region-location-javascript
const label = { text: "US" };
