package use

import (
	"sync"

	"writes/lib"
)

type S struct {
	t lib.T
}

func f(s *S, p *lib.T, mu *sync.Mutex) {
	lib.Set(p)        // want `lib.Set writes p0.0 lib.Set t.A always`
	lib.Inc(&s.t)     // want `lib.Inc writes p0.0 lib.Inc t.A loses always`
	lib.Put(p, "k")   // want `lib.Put writes p0.1 lib.Put t.M loses always`
	lib.Via(p)        // want `lib.Via writes p0.0 lib.set t.A always`
	lib.Locked(mu, p) //
	lib.Copy(*p)      //
	lib.Count()       // want `lib.Count writes writes/lib.count lib.Count lib.count loses always guard=writes/lib.mu`
	lib.Some(p)       // want `lib.Some writes p0.0 lib.Some t.A loses$`
	lib.Other()       //
}
