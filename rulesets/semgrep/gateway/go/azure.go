// Gateway-bypass rules, Azure clients: annotated test file for azure.yaml.
package az

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
	"github.com/Azure/azure-sdk-for-go/sdk/data/aztables"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

func Clients(conn string) {
	cred, _ := azidentity.NewDefaultAzureCredential(nil)
	// ruleid: gateway-go-azblob-newclient
	blobs, _ := azblob.NewClient("https://acct.blob.core.windows.net/", cred, nil)
	// ruleid: gateway-go-azblob-newclientfromconnectionstring
	blobs2, _ := azblob.NewClientFromConnectionString(conn, nil)
	// ruleid: gateway-go-azcosmos-newclient
	cosmos, _ := azcosmos.NewClient("https://acct.documents.azure.com:443/", cred, nil)
	// ruleid: gateway-go-aztables-newserviceclientfromconnectionstring
	tables, _ := aztables.NewServiceClientFromConnectionString(conn, nil)
	// ok: gateway-go-azblob-newclient
	_ = azidentity.NewDefaultAzureCredential
	_, _, _, _ = blobs, blobs2, cosmos, tables
}

func MoreClients(conn string, key *azblob.SharedKeyCredential, cosmosKey azcosmos.KeyCredential) {
	// ruleid: gateway-go-azblob-newclientwithsharedkeycredential
	a, _ := azblob.NewClientWithSharedKeyCredential("https://acct.blob.core.windows.net/", key, nil)
	// ruleid: gateway-go-azblob-newclientwithnocredential
	b, _ := azblob.NewClientWithNoCredential("https://acct.blob.core.windows.net/?sas", nil)
	// ruleid: gateway-go-azcosmos-newclientfromconnectionstring
	c, _ := azcosmos.NewClientFromConnectionString(conn, nil)
	// ruleid: gateway-go-azcosmos-newclientwithkey
	d, _ := azcosmos.NewClientWithKey("https://acct.documents.azure.com:443/", cosmosKey, nil)
	// ruleid: gateway-go-aztables-newserviceclient
	e, _ := aztables.NewServiceClient("https://acct.table.core.windows.net/", nil, nil)
	// ruleid: gateway-go-aztables-newserviceclientwithsharedkey
	f, _ := aztables.NewServiceClientWithSharedKey("https://acct.table.core.windows.net/", nil, nil)
	// ruleid: gateway-go-aztables-newclient
	g, _ := aztables.NewClient("https://acct.table.core.windows.net/users", nil, nil)
	_, _, _, _, _, _, _ = a, b, c, d, e, f, g
}
