// Gateway-bypass rules, object stores of every cloud: annotated test file for objectstore.yaml.
package com.example.media;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.obs.services.ObsClient;
import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.volcengine.tos.TOSV2;
import com.volcengine.tos.TOSV2ClientBuilder;
import io.minio.MinioClient;
import javax.annotation.Resource;

class Media {
    @Resource private COSClient cos;
    @Resource private OSS injectedOss;

    void clients(String endpoint, String ak, String sk) {
        // ruleid: gateway-java-aliyun-oss
        OSS oss = new OSSClientBuilder().build(endpoint, ak, sk);
        // ruleid: gateway-java-aliyun-oss
        oss.putObject("bucket", "key", new java.io.File("a"));
        // ruleid: gateway-java-aliyun-oss
        injectedOss.getObject("bucket", "key");
        // ruleid: gateway-java-tencent-cos
        COSClient direct = new COSClient(null, new ClientConfig());
        // ruleid: gateway-java-tencent-cos
        cos.putObject("bucket", "key", "body");
        // ruleid: gateway-java-huawei-obs
        ObsClient obs = new ObsClient(ak, sk, endpoint);
        // ruleid: gateway-java-volcengine-tos
        TOSV2 tos = new TOSV2ClientBuilder().build("cn-beijing", endpoint, ak, sk);
        // ruleid: gateway-java-minio
        MinioClient minio = MinioClient.builder().endpoint(endpoint).credentials(ak, sk).build();
        // Configuration objects store no data.
        // ok: gateway-java-aliyun-oss
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        // ok: gateway-java-tencent-cos
        ClientConfig config = new ClientConfig();
    }
}
