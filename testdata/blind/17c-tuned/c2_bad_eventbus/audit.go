package deploybus

import "log"

func (b *Bus) auditRollback(ev Event) {
	prior := b.Recent("release.deployed", 3)
	for _, p := range prior {
		log.Printf("rollback of %s; previous deploy %s", ev.Release, p.Release)
	}
}
