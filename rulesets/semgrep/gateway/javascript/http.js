// Gateway-bypass rules, HTTP calls: annotated test file for http.yaml. The match is the URL
// argument, on the line of the URL.
import axios from 'axios';
import got from 'got';
import https from 'node:https';

const BASE = 'http://user-data.svc.cluster.local';

export async function load(id) {
  // ruleid: gateway-javascript-fetch
  const a = await fetch(`${BASE}/users/${id}`);
  // ruleid: gateway-javascript-fetch
  const b = await window.fetch('http://user-data.svc.cluster.local/users', { method: 'GET' });
  // ruleid: gateway-javascript-axios
  const c = await axios.get('http://user-data.svc.cluster.local/users');
  // ruleid: gateway-javascript-axios
  const d = await axios.post(BASE + '/users', { id });
  const e = await axios({
    method: 'get',
    // ruleid: gateway-javascript-axios-config
    url: 'http://user-data.svc.cluster.local/users',
  });
  // ruleid: gateway-javascript-got
  const f = await got('http://user-data.svc.cluster.local/users').json();
  // ruleid: gateway-javascript-node-http
  https.get('https://user-data.svc.cluster.local/users', (res) => res.resume());
  return [a, b, c, d, e, f];
}

// ruleid: gateway-javascript-axios-create
const api = axios.create({ baseURL: 'http://user-data.svc.cluster.local', timeout: 1000 });
// ok: gateway-javascript-axios
const users = api.get('/users');
// A method named get on something else is no HTTP call.
// ok: gateway-javascript-axios
const value = cache.get('http://user-data.svc.cluster.local/users');
// A global named like a module that this file never imports is not that module.
// ok: gateway-javascript-node-http
http.get('http://user-data.svc.cluster.local/users');
