// GOOD: every handler write to the inventory map and the audit slice happens
// with s.mu held (directly or inside a helper that takes it), so concurrent
// requests are serialized on the shared state.
package inventory

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

type auditEntry struct {
	SKU   string    `json:"sku"`
	Delta int       `json:"delta"`
	At    time.Time `json:"at"`
}

// Service exposes stock levels over HTTP.
type Service struct {
	mu    sync.Mutex
	stock map[string]int
	audit []auditEntry
}

// NewService returns an empty Service.
func NewService() *Service {
	return &Service{stock: make(map[string]int)}
}

// Routes registers the service's handlers on mux.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.Handle("/stock", http.HandlerFunc(s.handleStock))
	mux.Handle("/adjust", http.HandlerFunc(s.handleAdjust))
	mux.HandleFunc("/audit", s.handleAudit)
}

func (s *Service) handleStock(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	s.mu.Lock()
	n := s.stock[sku]
	s.mu.Unlock()
	json.NewEncoder(w).Encode(map[string]int{sku: n})
}

// recordLocked appends to the audit log; s.mu must be held.
func (s *Service) recordLocked(sku string, delta int) {
	s.audit = append(s.audit, auditEntry{SKU: sku, Delta: delta, At: time.Now()})
}

func (s *Service) handleAdjust(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	sku := r.FormValue("sku")
	delta, err := strconv.Atoi(r.FormValue("delta"))
	if sku == "" || err != nil {
		http.Error(w, "sku and integer delta required", http.StatusBadRequest)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stock[sku]+delta < 0 {
		http.Error(w, "insufficient stock", http.StatusConflict)
		return
	}
	s.stock[sku] += delta
	s.recordLocked(sku, delta)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) handleAudit(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	entries := make([]auditEntry, len(s.audit))
	copy(entries, s.audit)
	s.mu.Unlock()
	json.NewEncoder(w).Encode(entries)
}
