// Third-party processors the web front end talks to straight from the browser (issue 13).
// Each US call is marked; its EU variant next to it is compliant and must not be reported.
import mixpanel from "mixpanel-browser";
import { TosClient } from "@volcengine/tos-sdk";
import OSS from "ali-oss";

// Product analytics: Mixpanel's default ingestion is in the US; its EU Residency server is not.
export function startAnalytics(token: string, eu: boolean): void {
  if (!eu) {
    mixpanel.init(token, { api_host: "https://api.mixpanel.com" }); // auditkit-expect: endpoint.non-eu
    return;
  }
  mixpanel.init(token, { api_host: "https://api-eu.mixpanel.com" });
}

// ByteDance's cloud: Volcengine TOS in Beijing.
export const tos = new TosClient({ // auditkit-expect: gateway.bypass
  accessKeyId: process.env.TOS_AK ?? "",
  accessKeySecret: process.env.TOS_SK ?? "",
  region: "cn-beijing", // auditkit-expect: endpoint.non-eu
  endpoint: "https://tos-cn-beijing.volces.com", // auditkit-expect: endpoint.non-eu
});

// Alibaba Cloud OSS in Frankfurt: in the EU, so compliant under this sample's policy, but run by
// a company under Chinese law. Under `[jurisdiction] operators = ["EU", "EEA"]` it is an
// endpoint.operator-jurisdiction finding (high: object storage keeps the data), which
// tests/functional/test_samples.py checks with that policy.
export const oss = new OSS({ // auditkit-expect: gateway.bypass
  endpoint: "https://oss-eu-central-1.aliyuncs.com", // operator-jurisdiction-with-operators
  bucket: "clover-web-assets",
});
