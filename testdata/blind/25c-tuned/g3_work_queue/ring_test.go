package g3_work_queue

import (
	"fmt"
	"sync"
	"testing"
)

func TestManyProducersConsumers(t *testing.T) {
	r := NewRing(4)
	var got sync.Map
	var cons sync.WaitGroup
	for i := 0; i < 3; i++ {
		cons.Add(1)
		go func() {
			defer cons.Done()
			for {
				line, err := r.Take()
				if err != nil {
					return
				}
				got.Store(line, true)
			}
		}()
	}
	var prod sync.WaitGroup
	for p := 0; p < 3; p++ {
		prod.Add(1)
		go func() {
			defer prod.Done()
			for i := 0; i < 50; i++ {
				if err := r.Put(fmt.Sprintf("p%d-%d", p, i)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	prod.Wait()
	r.Stop()
	cons.Wait()
	n := 0
	got.Range(func(_, _ any) bool { n++; return true })
	if n != 150 {
		t.Fatalf("consumed %d lines, want 150", n)
	}
}
