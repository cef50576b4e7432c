// Gateway-bypass rules, object stores of every cloud: annotated test file for objectstore.yaml.
import OSS from 'ali-oss';
import COS from 'cos-nodejs-sdk-v5';
import ObsClient from 'esdk-obs-nodejs';
import TOS from '@volcengine/tos-sdk';
import * as Minio from 'minio';
import { TosClient as LocalTos } from './tos-stub';

// ruleid: gateway-typescript-aliyun-oss
const oss: OSS = new OSS({ region: 'oss-cn-hangzhou', bucket: 'media' });
// ruleid: gateway-typescript-tencent-cos
const cos = new COS({ SecretId: process.env.ID, SecretKey: process.env.KEY });
// ruleid: gateway-typescript-huawei-obs
const obs = new ObsClient({ server: 'https://obs.cn-north-4.myhuaweicloud.com' });
// ruleid: gateway-typescript-volcengine-tos
export const tos = new TOS({ region: 'cn-beijing', endpoint: 'tos-cn-beijing.volces.com' });
// ruleid: gateway-typescript-minio
const minio = new Minio.Client({ endPoint: 'minio.internal', port: 9000 });
// ok: gateway-typescript-volcengine-tos
const local = new LocalTos({ region: 'cn-beijing' });
