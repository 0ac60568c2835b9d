package b4_dag_scheduler

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestRunWithCancel(t *testing.T) {
	a := NewTask(1, func(context.Context) error { time.Sleep(time.Millisecond); return nil })
	b := NewTask(2, func(context.Context) error { return nil })
	c := NewTask(3, func(context.Context) error { return errors.New("boom") })
	b.DependsOn(a)
	c.DependsOn(a)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		RunAll(context.Background(), []*Task{a, b, c})
	}()
	a.Cancel(errors.New("user cancelled"))
	wg.Wait()
}
