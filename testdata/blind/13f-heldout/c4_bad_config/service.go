// Package gateway wires the API gateway from its routing file and backends.
package gateway

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"os"
)

type Route struct {
	Prefix  string `json:"prefix"`
	Backend string `json:"backend"`
}

type Routing struct {
	Routes  []Route `json:"routes"`
	Default string  `json:"default"`
}

type Gateway struct {
	routes Routing
	db     *sql.DB
}

// Open reads the routing table in the background while the audit database
// connection is being established, then assembles the gateway.
func Open(routingPath, driver, dsn string) (*Gateway, error) {
	parsed := make(chan Routing, 1)
	go func() {
		raw, err := os.ReadFile(routingPath)
		if err != nil {
			log.Printf("gateway: read %s: %v", routingPath, err)
			return
		}
		var r Routing
		if err := json.Unmarshal(raw, &r); err != nil {
			log.Printf("gateway: parse %s: %v", routingPath, err)
			return
		}
		parsed <- r
	}()

	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("gateway: audit db: %w", err)
	}

	routes := <-parsed
	if routes.Default == "" {
		db.Close()
		return nil, fmt.Errorf("gateway: %s: no default backend", routingPath)
	}
	return &Gateway{routes: routes, db: db}, nil
}

func (g *Gateway) Backend(path string) string {
	best, n := g.routes.Default, 0
	for _, r := range g.routes.Routes {
		if len(r.Prefix) > n && len(path) >= len(r.Prefix) && path[:len(r.Prefix)] == r.Prefix {
			best, n = r.Backend, len(r.Prefix)
		}
	}
	return best
}

func (g *Gateway) Close() error { return g.db.Close() }
