// Package stages: result channels closed by a loader that runs its
// stages through a helper; each stage's workers are joined by a
// coordinator goroutine that closes the stage's done channel, which the
// helper drains until closed.
package stages

import (
	"errors"
	"sync"
)

type driver interface {
	Name() string
	Init() (bool, error)
	Needs() []string
}

type failure struct {
	d   driver
	err error
}

type stage struct{ drivers []driver }

type state struct {
	loaded  []driver
	skipped []failure
	failed  []failure
}

// load: every send on loaded, skipped and failed is made by a stage's
// coordinator or its workers; loadStage returns only after its done
// channel is closed, which the coordinator does after its own sends
// and after Wait for its workers.
func load(stages []stage) *state {
	st := &state{}
	cL := make(chan driver)
	cS := make(chan failure)
	cF := make(chan failure)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for d := range cL {
			st.loaded = append(st.loaded, d)
		}
	}()
	go func() {
		defer wg.Done()
		for f := range cS {
			st.skipped = append(st.skipped, f)
		}
	}()
	go func() {
		defer wg.Done()
		for f := range cF {
			st.failed = append(st.failed, f)
		}
	}()
	var seen sync.Map
	for _, s := range stages {
		s.loadStage(&seen, cL, cS, cF)
	}
	close(cL)
	close(cS)
	close(cF)
	wg.Wait()
	return st
}

func (s *stage) loadStage(seen *sync.Map, cL chan<- driver, cS, cF chan<- failure) {
	done := make(chan string)
	go func() {
		defer close(done)
		var wg sync.WaitGroup
	next:
		for _, d := range s.drivers {
			for _, dep := range d.Needs() {
				if _, ok := seen.Load(dep); !ok {
					cS <- failure{d, errors.New("missing " + dep)}
					continue next
				}
			}
			wg.Add(1)
			go func(d driver) {
				defer wg.Done()
				ok, err := d.Init()
				switch {
				case ok && err == nil:
					cL <- d
					done <- d.Name()
				case ok:
					cF <- failure{d, err}
				default:
					cS <- failure{d, err}
				}
			}(d)
		}
		wg.Wait()
	}()
	for name := range done {
		seen.Store(name, true)
	}
}

// loadHasty returns from each stage at the first name it receives:
// the other workers of the stage may still send on cL.
func loadHasty(stages []stage) []driver {
	var out []driver
	cL := make(chan driver)
	fin := make(chan struct{})
	go func() {
		defer close(fin)
		for d := range cL {
			out = append(out, d)
		}
	}()
	for _, s := range stages {
		s.firstOf(cL)
	}
	close(cL) // want `cL closed while the goroutine that sends on it may still be running`
	<-fin
	return out
}

func (s *stage) firstOf(cL chan<- driver) {
	done := make(chan string)
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for _, d := range s.drivers {
			wg.Add(1)
			go func(d driver) {
				defer wg.Done()
				cL <- d
				done <- d.Name()
			}(d)
		}
		wg.Wait()
	}()
	<-done
}


// retryAll starts the retries after the first batch is joined: the
// Wait is for the first batch only.
func retryAll(ds []driver) {
	cL := make(chan driver)
	fin := make(chan struct{})
	go func() {
		defer close(fin)
		for range cL {
		}
	}()
	var wg sync.WaitGroup
	var retry []driver
	var mu sync.Mutex
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := d.Init(); ok {
				cL <- d
				return
			}
			mu.Lock()
			retry = append(retry, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, d := range retry {
		go func() {
			if ok, _ := d.Init(); ok {
				cL <- d
			}
		}()
	}
	close(cL) // want `cL closed while the goroutine that sends on it may still be running`
	<-fin
}

// retryJoined joins the retries too before it closes.
func retryJoined(ds []driver) {
	cL := make(chan driver)
	fin := make(chan struct{})
	go func() {
		defer close(fin)
		for range cL {
		}
	}()
	var wg sync.WaitGroup
	var retry []driver
	var mu sync.Mutex
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := d.Init(); ok {
				cL <- d
				return
			}
			mu.Lock()
			retry = append(retry, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	var again sync.WaitGroup
	for _, d := range retry {
		again.Add(1)
		go func() {
			defer again.Done()
			if ok, _ := d.Init(); ok {
				cL <- d
			}
		}()
	}
	again.Wait()
	close(cL)
	<-fin
}
