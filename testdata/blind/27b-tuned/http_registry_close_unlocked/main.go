// BAD: the registry serves /services from its own HTTP server, whose handlers
// read r.services under r.mu on other goroutines; Close drops the map without
// the lock before the server has been shut down.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Registry tracks live service instances. All methods are safe for
// concurrent use; the registry exposes its state over HTTP.
type Registry struct {
	mu       sync.RWMutex
	services map[string][]string

	srv *http.Server
}

func NewRegistry(addr string) (*Registry, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	r := &Registry{services: make(map[string][]string)}
	mux := http.NewServeMux()
	mux.HandleFunc("/services", r.handleList)
	r.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := r.srv.Serve(ln); err != nil && err != http.ErrServerClosed {
			log.Printf("registry: serve: %v", err)
		}
	}()
	return r, nil
}

// Register adds an instance address for a service.
func (r *Registry) Register(name, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services[name] = append(r.services[name], addr)
}

// Lookup returns the known instances of a service.
func (r *Registry) Lookup(name string) []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]string(nil), r.services[name]...)
}

func (r *Registry) handleList(w http.ResponseWriter, req *http.Request) {
	r.mu.RLock()
	names := make([]string, 0, len(r.services))
	for name := range r.services {
		names = append(names, name)
	}
	r.mu.RUnlock()
	sort.Strings(names)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(names)
}

// Close forgets every instance and stops the HTTP endpoint.
func (r *Registry) Close() error {
	r.services = nil // want "without holding|without a lock"
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return r.srv.Shutdown(ctx)
}

func main() {
	r, err := NewRegistry("127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	r.Register("billing", "10.0.0.5:8080")
	r.Register("billing", "10.0.0.6:8080")
	log.Println(r.Lookup("billing"))
	if err := r.Close(); err != nil {
		log.Println(err)
	}
}
