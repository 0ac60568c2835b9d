// GOOD: the handler's shared state is only touched through concurrency-safe
// types: replies are cached in a sync.Map (LoadOrStore), counters are
// atomic.Int64, and the last-request time is an atomic.Pointer, so concurrent
// requests need no extra lock.
package payments

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

type chargeReply struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
}

// Handler accepts idempotent charge requests.
type Handler struct {
	replies  sync.Map // Idempotency-Key -> *chargeReply
	nextID   atomic.Int64
	charged  atomic.Int64
	replays  atomic.Int64
	lastSeen atomic.Pointer[time.Time]
}

// Register wires the handler's endpoints into mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /charges", h.charge)
	mux.HandleFunc("GET /stats", h.stats)
}

func (h *Handler) charge(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	h.lastSeen.Store(&now)

	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		http.Error(w, "Idempotency-Key required", http.StatusBadRequest)
		return
	}
	var req struct {
		Amount int64 `json:"amount"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Amount <= 0 {
		http.Error(w, "positive amount required", http.StatusBadRequest)
		return
	}
	fresh := &chargeReply{ID: fmt.Sprintf("ch_%06d", h.nextID.Add(1)), Amount: req.Amount}
	got, loaded := h.replies.LoadOrStore(key, fresh)
	if loaded {
		h.replays.Add(1)
	} else {
		h.charged.Add(req.Amount)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(got.(*chargeReply))
}

func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	var last string
	if t := h.lastSeen.Load(); t != nil {
		last = t.Format(time.RFC3339)
	}
	json.NewEncoder(w).Encode(map[string]any{
		"charged_total": h.charged.Load(),
		"replays":       h.replays.Load(),
		"last_charge":   last,
	})
}
