// Gateway-bypass rules, HTTP calls: annotated test file for http.yaml. The match is the URL
// argument, which the scanner compares with the protected hosts.
package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

const userData = "http://user-data.svc.cluster.local"

func Fetch(ctx context.Context, id string) {
	// ruleid: gateway-go-http-get
	resp, _ := http.Get(userData + "/users/" + id)
	// ruleid: gateway-go-http-post
	resp2, _ := http.Post("http://user-data.svc.cluster.local/users", "application/json", strings.NewReader("{}"))
	// ruleid: gateway-go-http-newrequest
	req, _ := http.NewRequest(http.MethodGet, "http://user-data.svc.cluster.local/users", nil)
	// ruleid: gateway-go-http-newrequestwithcontext
	req2, _ := http.NewRequestWithContext(ctx, "GET", userData+"/users", nil)
	// ruleid: gateway-go-http-defaultclient-get
	resp3, _ := http.DefaultClient.Get(userData)
	// ok: gateway-go-http-get
	mux := http.NewServeMux()
	_, _, _, _, _, _ = resp, resp2, req, req2, resp3, mux
}

func MoreCalls(form url.Values) {
	// ruleid: gateway-go-http-head
	a, _ := http.Head(userData)
	// ruleid: gateway-go-http-postform
	b, _ := http.PostForm(userData+"/forms", form)
	// ruleid: gateway-go-http-defaultclient-head
	c, _ := http.DefaultClient.Head(userData)
	// ruleid: gateway-go-http-defaultclient-post
	d, _ := http.DefaultClient.Post(userData, "text/plain", nil)
	// ruleid: gateway-go-http-defaultclient-postform
	e, _ := http.DefaultClient.PostForm(userData, form)
	_, _, _, _, _ = a, b, c, d, e
}
