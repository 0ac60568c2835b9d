package main

import (
	"fmt"
	"sync"
)

// Pool is a fixed-size worker pool executing submitted tasks.
type Pool struct {
	tasks chan func()
	wg    sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{tasks: make(chan func(), 16)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for t := range p.tasks {
				t()
			}
		}()
	}
	return p
}

func (p *Pool) Submit(t func()) { p.tasks <- t }

func (p *Pool) Close() {
	close(p.tasks)
	p.wg.Wait()
}

type Migrator struct {
	once        sync.Once
	schemaReady chan struct{}
}

// notifyReady releases every task waiting for the schema, now or later.
func (m *Migrator) notifyReady() {
	m.once.Do(func() { close(m.schemaReady) })
}

func (m *Migrator) applySchema() {
	fmt.Println("schema applied")
	m.notifyReady()
}

func main() {
	m := &Migrator{schemaReady: make(chan struct{})}
	p := NewPool(2)
	m.applySchema()
	p.Submit(func() {
		<-m.schemaReady
		fmt.Println("backfilling rows")
	})
	p.Close()
}
