package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

const usAnalyticsURL = "https://k7x2m1.execute-api.us-east-1.amazonaws.com/prod/events" // auditkit-expect: endpoint.non-eu

type Contact struct {
	ID          string
	Language    string
	PhoneNumber string
}

func syncContact(c Contact) {
	body := fmt.Sprintf(`{"contact": %q}`, c.PhoneNumber)
	http.Post(usAnalyticsURL, "application/json", strings.NewReader(body)) // auditkit-expect: data-egress.endpoint
	log.Printf("synced contact %s", c.PhoneNumber)                      // auditkit-expect: data-egress.log
}

func syncLanguage(c Contact) {
	body := fmt.Sprintf(`{"language": %q}`, c.Language)
	http.Post(usAnalyticsURL, "application/json", strings.NewReader(body))
}
