package gate

import "sync"

type Gate struct {
	mu     sync.Mutex
	cond   *sync.Cond
	open   bool
	reason string
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *Gate) Open(reason string) {
	g.mu.Lock()
	g.open = true
	g.reason = reason
	g.mu.Unlock()
	g.cond.Broadcast()
}

func (g *Gate) Wait() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.open {
		g.cond.Wait()
	}
	return g.reason
}

type Migrator struct {
	gate  *Gate
	steps []func() error
}

func NewMigrator(steps ...func() error) *Migrator {
	m := &Migrator{gate: NewGate(), steps: steps}
	go m.run()
	return m
}

func (m *Migrator) run() {
	for i, step := range m.steps {
		if err := step(); err != nil {
			m.gate.Open("failed at step " + string(rune('0'+i)) + ": " + err.Error())
			return
		}
	}
	m.gate.Open("ok")
}

func (m *Migrator) Result() string { return m.gate.Wait() }
