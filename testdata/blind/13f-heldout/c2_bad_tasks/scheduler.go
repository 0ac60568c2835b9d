// Package cron runs maintenance tasks submitted by the control plane.
package cron

import (
	"errors"
	"log"
	"sync"
)

var ErrStopped = errors.New("cron: scheduler stopped")

type Task struct {
	Name string
	Run  func() error
}

type Scheduler struct {
	mu      sync.RWMutex
	stopped bool
	work    chan Task
	stopC   chan struct{}
	wg      sync.WaitGroup
	logf    func(string, ...any)
}

func NewScheduler(queue int) *Scheduler {
	s := &Scheduler{
		work:  make(chan Task, queue),
		stopC: make(chan struct{}, 1),
		logf:  log.Printf,
	}
	s.wg.Add(1)
	go s.dispatch()
	return s
}

func (s *Scheduler) isStopped() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.stopped
}

func (s *Scheduler) Enqueue(t Task) error {
	if s.isStopped() {
		return ErrStopped
	}
	s.work <- t
	return nil
}

func (s *Scheduler) Stop() {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	s.stopped = true
	s.stopC <- struct{}{}
	s.mu.Unlock()
	s.wg.Wait()
}
