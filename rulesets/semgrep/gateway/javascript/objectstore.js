// Gateway-bypass rules, object stores of every cloud: annotated test file for objectstore.yaml.
const OSS = require('ali-oss');
const COS = require('cos-nodejs-sdk-v5');
const ObsClient = require('esdk-obs-nodejs');
const { TosClient } = require('@volcengine/tos-sdk');
const Minio = require('minio');
const OtherOss = require('./oss-stub');

// ruleid: gateway-javascript-aliyun-oss
const oss = new OSS({ region: 'oss-cn-hangzhou', bucket: 'media' });
// ruleid: gateway-javascript-tencent-cos
const cos = new COS({ SecretId: process.env.ID, SecretKey: process.env.KEY });
// ruleid: gateway-javascript-huawei-obs
const obs = new ObsClient({ server: 'https://obs.cn-north-4.myhuaweicloud.com' });
// ruleid: gateway-javascript-volcengine-tos
const tos = new TosClient({ region: 'cn-beijing', endpoint: 'tos-cn-beijing.volces.com' });
// ruleid: gateway-javascript-minio
const minio = new Minio.Client({ endPoint: 'minio.internal', port: 9000 });
// A local class of the same name is not the SDK.
// ok: gateway-javascript-aliyun-oss
const stub = new OtherOss({ bucket: 'media' });
