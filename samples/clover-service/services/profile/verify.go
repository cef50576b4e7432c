package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

const (
	smsSendURL      = "https://sms-gateway.mobilenotify.ru/api/v3/send" // auditkit-expect: endpoint.non-eu
	numberLookupURL = "https://lookups.twilio.com/v2/PhoneNumbers/"     // auditkit-expect: endpoint.non-eu
	loopbackProbe   = "127.0.0.1:8081"
)

// Public resolver used because the cluster DNS drops SRV lookups for the SMS vendor.
var publicResolver = &net.Resolver{
	PreferGo: true,
	Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		d := net.Dialer{Timeout: 2 * time.Second}
		return d.DialContext(ctx, network, "8.8.8.8:53") // auditkit-expect: endpoint.non-eu
	},
}

var httpClient = &http.Client{
	Timeout: 5 * time.Second,
	Transport: &http.Transport{
		DialContext: (&net.Dialer{Resolver: publicResolver}).DialContext,
	},
}

type phoneRecord struct {
	E164 string `json:"e164"`
}

// SendVerificationCode reads the user's phone number and texts a one-time code.
func SendVerificationCode(ctx context.Context, userID string) error {
	resp, err := http.Get("http://user-data.svc.cluster.local/v1/users/" + userID + "/phone") // auditkit-expect: gateway.protected-host
	if err != nil {
		return fmt.Errorf("read phone: %w", err)
	}
	defer resp.Body.Close()
	var rec phoneRecord
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil {
		return fmt.Errorf("decode phone: %w", err)
	}

	lookup, err := httpClient.Get(numberLookupURL + rec.E164)
	if err != nil {
		return fmt.Errorf("lookup number: %w", err)
	}
	_, _ = io.Copy(io.Discard, lookup.Body)
	lookup.Body.Close()

	payload, _ := json.Marshal(map[string]string{"to": rec.E164, "template": "clover_otp"})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, smsSendURL, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	sent, err := httpClient.Do(req)
	if err != nil {
		return fmt.Errorf("send sms: %w", err)
	}
	defer sent.Body.Close()
	if sent.StatusCode >= 300 {
		return fmt.Errorf("sms vendor returned %d", sent.StatusCode)
	}
	return nil
}
