// Package phonebook serves phone numbers from the gateway.
package phonebook

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

var db *sql.DB

// PhoneForSupport checks the caller's role before it reads the store.
func PhoneForSupport(w http.ResponseWriter, r *http.Request) {
	if !authorize(r, "support") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var phone string
	_ = db.QueryRow("SELECT phone FROM users WHERE id = $1", r.URL.Query().Get("id")).Scan(&phone)
	_ = json.NewEncoder(w).Encode(map[string]string{"phone": phone})
}

// Contact reads the store without asking who calls.
func Contact(w http.ResponseWriter, r *http.Request) {
	var phone string
	_ = db.QueryRow("SELECT phone FROM users WHERE id = $1", r.URL.Query().Get("id")).Scan(&phone) // auditkit-expect: gateway.authorization
	_ = json.NewEncoder(w).Encode(map[string]string{"phone": phone})
}

func authorize(r *http.Request, role string) bool {
	return r.Header.Get("X-Clover-Role") == role
}
