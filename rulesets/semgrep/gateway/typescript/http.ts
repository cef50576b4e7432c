// Gateway-bypass rules, HTTP calls: annotated test file for http.yaml. The match is the URL
// argument, on the line of the URL.
import axios, { AxiosInstance } from 'axios';
import fetch from 'node-fetch';

const USER_DATA: string = 'http://user-data.svc.cluster.local';

export async function profile(id: string): Promise<unknown> {
  // ruleid: gateway-typescript-fetch
  const res = await fetch(`${USER_DATA}/users/${id}`);
  // ruleid: gateway-typescript-axios
  const other = await axios.get<unknown>(`${USER_DATA}/profiles/${id}`);
  return [await res.json(), other.data];
}

export const client: AxiosInstance = axios.create({
  // ruleid: gateway-typescript-axios-create
  baseURL: 'http://user-data.svc.cluster.local',
});

// ok: gateway-typescript-fetch
const prefetch = (url: string): void => console.log('would fetch', url);

export async function others(): Promise<void> {
  const got = require('got');
  const https = require('node:https');
  // ruleid: gateway-typescript-got
  await got.post(`${USER_DATA}/events`, { json: {} });
  // ruleid: gateway-typescript-node-http
  https.request(`${USER_DATA}/events`, { method: 'POST' });
  await axios.request({
    // ruleid: gateway-typescript-axios-config
    url: `${USER_DATA}/events`,
    method: 'post',
  });
}
