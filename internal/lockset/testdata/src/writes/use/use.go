package use

import (
	"sync"

	"writes/lib"
)

type S struct {
	t lib.T
}

func f(s *S, p *lib.T, mu *sync.Mutex) {
	lib.Set(p)        // want `lib.Set writes p0.0 lib.Set t.A`
	lib.Inc(&s.t)     // want `lib.Inc writes p0.0 lib.Inc t.A loses`
	lib.Put(p, "k")   // want `lib.Put writes p0.1 lib.Put t.M loses`
	lib.Via(p)        // want `lib.Via writes p0.0 lib.set t.A`
	lib.Locked(mu, p) //
	lib.Copy(*p)      //
	lib.Count()       // want `lib.Count writes writes/lib.count lib.Count lib.count loses guard=writes/lib.mu`
	lib.Other()       //
}
