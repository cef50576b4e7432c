// Gateway-bypass rules, object stores of every cloud: annotated test file for objectstore.yaml.
package media

import (
	"net/http"
	"net/url"

	"github.com/aliyun/aliyun-oss-go-sdk/oss"
	"github.com/baidubce/bce-sdk-go/services/bos"
	"github.com/huaweicloud/huaweicloud-sdk-go-obs/obs"
	"github.com/minio/minio-go/v7"
	"github.com/qiniu/go-sdk/v7/auth/qbox"
	"github.com/qiniu/go-sdk/v7/storage"
	"github.com/tencentyun/cos-go-sdk-v5"
	tosv2 "github.com/volcengine/ve-tos-golang-sdk/v2/tos"
)

func Clients(endpoint, ak, sk string) {
	// ruleid: gateway-go-aliyun-oss-new
	ossClient, _ := oss.New(endpoint, ak, sk)
	u, _ := url.Parse("https://bucket.cos.ap-guangzhou.myqcloud.com")
	// ruleid: gateway-go-tencent-cos-newclient
	cosClient := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{})
	// ruleid: gateway-go-huawei-obs-new
	obsClient, _ := obs.New(ak, sk, endpoint)
	// ruleid: gateway-go-volcengine-tos-newclientv2
	tosClient, _ := tosv2.NewClientV2(endpoint, tosv2.WithRegion("cn-beijing"))
	// ruleid: gateway-go-volcengine-tos-newclient
	oldTos, _ := tosv2.NewClient(endpoint)
	// ruleid: gateway-go-baidu-bos-newclient
	bosClient, _ := bos.NewClient(ak, sk, endpoint)
	// ruleid: gateway-go-baidu-bos-newclientwithconfig
	bosConfigured, _ := bos.NewClientWithConfig(nil)
	// ruleid: gateway-go-minio-new
	minioClient, _ := minio.New(endpoint, &minio.Options{})
	cfg := storage.Config{}
	// ruleid: gateway-go-qiniu-newformuploader
	form := storage.NewFormUploader(&cfg)
	// ruleid: gateway-go-qiniu-newresumeuploader
	resume := storage.NewResumeUploader(&cfg)
	// ruleid: gateway-go-qiniu-newresumeuploaderv2
	resume2 := storage.NewResumeUploaderV2(&cfg)
	// A signing key stores no data.
	// ok: gateway-go-qiniu-newbucketmanager
	mac := qbox.NewMac(ak, sk)
	// ruleid: gateway-go-qiniu-newbucketmanager
	manager := storage.NewBucketManager(mac, &cfg)
	// ok: gateway-go-tencent-cos-newclient
	base := &cos.BaseURL{BucketURL: u}
	_, _, _, _, _, _, _, _, _, _, _, _, _ = ossClient, cosClient, obsClient, tosClient, oldTos, bosClient, bosConfigured, minioClient, form, resume, resume2, manager, base
}
