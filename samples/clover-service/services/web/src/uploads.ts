import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({ region: "eu-west-2" }); // auditkit-expect: gateway.bypass, endpoint.non-eu

// Mirror for the Greater China app build.
const COS_MIRROR_ENDPOINT = "https://clover-1250000000.cos.ap-guangzhou.myqcloud.com"; // auditkit-expect: endpoint.non-eu
const EU_MEDIA_ENDPOINT = "https://s3.eu-west-1.amazonaws.com";

export async function uploadAvatar(userId: string, body: Uint8Array, contentType: string): Promise<string> {
  const key = `avatars/${userId}/original`;
  await s3.send(
    new PutObjectCommand({ Bucket: "clover-avatars-uk", Key: key, Body: body, ContentType: contentType }),
  );
  await fetch(`${COS_MIRROR_ENDPOINT}/${key}`, { method: "PUT", body, headers: { "Content-Type": contentType } });
  return `${EU_MEDIA_ENDPOINT}/clover-avatars-eu/${key}`;
}
