package registry

import (
	"fmt"
	"log"
)

func (r *Registry) applyLoop() {
	for ch := range r.changes {
		r.bumpVersion()
		verb := "removed"
		if ch.added {
			verb = "added"
		}
		log.Printf("registry: %s %s at %s", verb, ch.inst.Service, ch.inst.Addr)
	}
}

func (r *Registry) bumpVersion() {
	r.mu.Lock()
	r.version++
	r.mu.Unlock()
}

func (r *Registry) Version() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return fmt.Sprintf("v%d", r.version)
}
