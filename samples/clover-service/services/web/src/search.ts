// Search and session helpers of the web tier, talking to the stores directly.
import { Client as Elastic } from "@elastic/elasticsearch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import mongoose from "mongoose";

const elastic = new Elastic({ node: process.env.SEARCH_URL }); // auditkit-expect: gateway.bypass
const sessions = new DynamoDBClient({}); // auditkit-expect: gateway.bypass

export async function connectProfiles(): Promise<void> {
  await mongoose.connect(process.env.PROFILES_MONGO_URL ?? ""); // auditkit-expect: gateway.bypass
}

export async function searchPosts(q: string): Promise<unknown> {
  return elastic.search({ index: "posts", q });
}

export { sessions };
