package b4_dag_scheduler

import (
	"context"
	"sort"
	"sync"
)

type state int

const (
	statePending state = iota
	stateRunning
	stateDone
	stateFailed
)

// Task is a node in the dependency graph; mu guards deps, dependents,
// state and err.
type Task struct {
	ID         int
	Run        func(context.Context) error
	mu         sync.Mutex
	deps       map[int]*Task
	dependents map[int]*Task
	state      state
	err        error
}

func NewTask(id int, run func(context.Context) error) *Task {
	return &Task{ID: id, Run: run, deps: map[int]*Task{}, dependents: map[int]*Task{}}
}

// lockTasks locks the tasks in ascending ID order and returns an unlock func.
func lockTasks(ts ...*Task) func() {
	sort.Slice(ts, func(i, j int) bool { return ts[i].ID < ts[j].ID })
	for _, t := range ts {
		t.mu.Lock()
	}
	return func() {
		for i := len(ts) - 1; i >= 0; i-- {
			ts[i].mu.Unlock()
		}
	}
}

// DependsOn records that t must run after dep.
func (t *Task) DependsOn(dep *Task) {
	unlock := lockTasks(t, dep)
	defer unlock()
	t.deps[dep.ID] = dep
	dep.dependents[t.ID] = t
}

// Cancel marks a still-pending task and every direct dependent as failed.
func (t *Task) Cancel(reason error) {
	t.mu.Lock()
	ds := make([]*Task, 0, len(t.dependents)+1)
	ds = append(ds, t)
	for _, d := range t.dependents {
		ds = append(ds, d)
	}
	t.mu.Unlock()

	unlock := lockTasks(ds...)
	defer unlock()
	for _, d := range ds {
		if d.state == statePending {
			d.state = stateFailed
			d.err = reason
		}
	}
}

func (t *Task) ready() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != statePending {
		return false
	}
	for _, d := range t.deps {
		d.mu.Lock()
		done := d.state == stateDone
		d.mu.Unlock()
		if !done {
			return false
		}
	}
	return true
}

// RunAll executes ready tasks in waves, one goroutine per ready task.
func RunAll(ctx context.Context, tasks []*Task) {
	for {
		var wave []*Task
		for _, t := range tasks {
			if t.ready() {
				wave = append(wave, t)
			}
		}
		if len(wave) == 0 {
			return
		}
		var wg sync.WaitGroup
		for _, t := range wave {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t.state = stateRunning // BAD: written with no lock while Cancel writes state under lockTasks
				err := t.Run(ctx)
				if err != nil {
					t.err = err           // BAD: written with no lock while Cancel writes err under lockTasks
					t.state = stateFailed // BAD: written with no lock while Cancel writes state under lockTasks
					return
				}
				t.state = stateDone // BAD: written with no lock while Cancel writes state under lockTasks
			}()
		}
		wg.Wait()
	}
}
