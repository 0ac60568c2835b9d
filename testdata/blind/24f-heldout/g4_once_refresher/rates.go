// GOOD: the refresher is started at most once per process through sync.Once and only updates package-level rate state.
package g4_once_refresher

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"
)

// Endpoint serves the reference exchange-rate table.
var Endpoint = "https://rates.internal/v1/latest"

var (
	startOnce sync.Once
	mu        sync.RWMutex
	rates     map[string]float64
	updated   time.Time
)

func ensureRefresher() {
	startOnce.Do(func() {
		if err := refresh(); err != nil {
			log.Printf("rates: initial load: %v", err)
		}
		go refreshLoop()
	})
}

func refreshLoop() {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		<-t.C
		if err := refresh(); err != nil {
			log.Printf("rates: refresh: %v", err)
		}
	}
}

func refresh() error {
	resp, err := http.Get(Endpoint)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("rates: status %d", resp.StatusCode)
	}
	var table map[string]float64
	if err := json.NewDecoder(resp.Body).Decode(&table); err != nil {
		return err
	}
	mu.Lock()
	rates = table
	updated = time.Now()
	mu.Unlock()
	return nil
}

// Convert converts amount between two currencies using the cached table.
func Convert(amount float64, from, to string) (float64, error) {
	ensureRefresher()
	mu.RLock()
	defer mu.RUnlock()
	f, ok1 := rates[from]
	t, ok2 := rates[to]
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("rates: unknown pair %s/%s (table from %s)", from, to, updated.Format(time.RFC3339))
	}
	return amount / f * t, nil
}
