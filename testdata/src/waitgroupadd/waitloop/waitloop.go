// Package waitloop: Waits inside the loop that starts what they wait for. // want package:"analyzed, dependencies too"
package waitloop

import "sync"

type Plugin struct{ name string }

func (p *Plugin) Init() {}

type Manager struct {
	plugins []*Plugin
}

// InitAll counts every plugin before the loop, then waits inside it:
// the first Wait needs the Dones of goroutines that later iterations
// have not started yet.
func (m *Manager) InitAll() {
	var wg sync.WaitGroup
	wg.Add(len(m.plugins))
	for _, p := range m.plugins {
		go func(p *Plugin) {
			defer wg.Done()
			p.Init()
		}(p)
		wg.Wait() // want `sync.WaitGroup.Wait inside the loop that starts the goroutines it waits for: the Add before the loop counts goroutines that later iterations start, so this Wait never returns`
	}
}

func load(wg *sync.WaitGroup, p *Plugin) {
	defer wg.Done()
	p.Init()
}

// The same with a named worker that is passed the WaitGroup.
func LoadAll(plugins []*Plugin) {
	wg := new(sync.WaitGroup)
	wg.Add(len(plugins))
	for i := 0; i < len(plugins); i++ {
		go load(wg, plugins[i])
		wg.Wait() // want `sync.WaitGroup.Wait inside the loop that starts the goroutines it waits for`
	}
}

// Correct: the Wait after the loop.
func (m *Manager) InitAllGood() {
	var wg sync.WaitGroup
	wg.Add(len(m.plugins))
	for _, p := range m.plugins {
		go func(p *Plugin) {
			defer wg.Done()
			p.Init()
		}(p)
	}
	wg.Wait()
}

// Correct, if serial: each iteration counts its own goroutine.
func (m *Manager) InitOneByOne() {
	var wg sync.WaitGroup
	for _, p := range m.plugins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Init()
		}()
		wg.Wait()
	}
}

// Correct: batches, each counted and waited for in its own iteration.
func InitBatches(batches [][]*Plugin) {
	var wg sync.WaitGroup
	for _, batch := range batches {
		wg.Add(len(batch))
		for _, p := range batch {
			go func() {
				defer wg.Done()
				p.Init()
			}()
		}
		wg.Wait()
	}
}

// Correct: the loop that waits is not the loop that starts.
func InitThenPoll(plugins []*Plugin, ready func() bool) { // want InitThenPoll:`waitgroupadd\(carry:p1 pub:p1 flags=0\)`
	var wg sync.WaitGroup
	wg.Add(len(plugins))
	for _, p := range plugins {
		go load(&wg, p)
	}
	for !ready() {
		wg.Wait()
	}
}

// Correct: the goroutines in the loop use another WaitGroup.
func TwoGroups(plugins []*Plugin) {
	var outer, inner sync.WaitGroup
	outer.Add(len(plugins))
	for _, p := range plugins {
		inner.Add(1)
		go func() {
			defer inner.Done()
			p.Init()
		}()
		inner.Wait()
		outer.Done()
	}
	outer.Wait()
}
