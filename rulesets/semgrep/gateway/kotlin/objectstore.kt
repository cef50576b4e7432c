// Gateway-bypass rules, object stores of every cloud: annotated test file for objectstore.yaml.
package com.example.media

import com.aliyun.oss.ClientBuilderConfiguration
import com.aliyun.oss.OSS
import com.aliyun.oss.OSSClientBuilder
import com.obs.services.ObsClient
import com.qcloud.cos.COSClient
import com.volcengine.tos.TOSV2ClientBuilder
import io.minio.MinioClient

class Media(private val cos: COSClient) {
    fun clients(endpoint: String, ak: String, sk: String) {
        // ruleid: gateway-kotlin-aliyun-oss
        val oss: OSS = OSSClientBuilder().build(endpoint, ak, sk)
        // ruleid: gateway-kotlin-tencent-cos
        cos.putObject("bucket", "key", "body")
        // ruleid: gateway-kotlin-huawei-obs
        val obs = ObsClient(ak, sk, endpoint)
        // ruleid: gateway-kotlin-volcengine-tos
        val tos = TOSV2ClientBuilder().build("cn-beijing", endpoint, ak, sk)
        // ruleid: gateway-kotlin-minio
        val minio = MinioClient.builder().endpoint(endpoint).build()
        // ok: gateway-kotlin-aliyun-oss
        val conf = ClientBuilderConfiguration()
    }
}
