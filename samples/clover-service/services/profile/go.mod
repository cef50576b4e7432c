module git.clover.internal/platform/profile

go 1.22

require (
	github.com/aws/aws-sdk-go-v2 v1.30.5
	github.com/aws/aws-sdk-go-v2/config v1.27.33
	github.com/aws/aws-sdk-go-v2/service/s3 v1.61.2
	github.com/lib/pq v1.10.9
	github.com/redis/go-redis/v9 v9.6.1
	go.mongodb.org/mongo-driver v1.16.1
)
