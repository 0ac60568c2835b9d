// Package cross starts goroutines whose WaitGroup operations live in // want package:"analyzed, dependencies too"
// another package (seen through Facts).
package cross

import (
	"sync"

	"waitgroupadd/lib"
)

func work() {}

func badWorker() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go lib.Worker(&wg, i) // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(in lib.Worker\)`
	}
	wg.Wait()
}

func badGeneric() {
	var wg sync.WaitGroup
	go lib.Generic(&wg, 1.5) // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(in lib.Generic\)`
	wg.Wait()
}

func badHelper() {
	var wg sync.WaitGroup
	go func() {
		lib.Enter(&wg) // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(via lib.Enter\)`
		defer wg.Done()
		work()
	}()
	wg.Wait()
}

func badServer(srv *lib.Server) {
	go srv.Serve() // want `srv.Serve calls sync.WaitGroup.Add in a new goroutine, racing with a later Wait`
	work()
	srv.Shutdown()
}

func goodProcess() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go lib.Process(&wg)
	}
	wg.Wait()
}

// Serve alone, nobody waits here.
func goodServeOnly(srv *lib.Server) {
	go srv.Serve()
}

func goodGroup() {
	var g lib.Group
	for i := 0; i < 3; i++ {
		g.Go(work)
	}
	g.Wait()
}

// A goroutine that adds through the Group, racing with the Wait.
func badGroupInGoroutine(g *lib.Group) {
	go func() {
		g.Go(work) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait \(via Go\)`
	}()
	g.Wait()
}

// The same, but the task run by the Group tells the starter.
func goodGroupHandshake(g *lib.Group) {
	started := make(chan struct{})
	go func() {
		g.Go(func() { close(started) })
	}()
	<-started
	g.Wait()
}

// The goroutine signals through lib.Ready after adding.
func goodHandshake(srv *lib.Server) {
	var wg sync.WaitGroup
	ready := make(chan struct{})
	go func() {
		lib.Enter(&wg)
		go lib.Process(&wg)
		lib.Ready(ready)
	}()
	<-ready
	wg.Wait()
}

// A Send that adds only while its batcher is open, fenced in lib.
func goodFencedSend(b *lib.Batcher) {
	go b.Send(1)
	work()
	b.Shutdown()
}

func badPoolSubmit(p *lib.Pool) {
	go p.Submit(1) // want `p.Submit calls sync.WaitGroup.Add in a new goroutine, racing with a later Wait`
	work()
	p.Close()
}

// Its Adds are in a helper, fenced at each call.
func goodFencedHelper(f *lib.Flusher) {
	go f.Send(1)
	work()
	f.Close()
}
