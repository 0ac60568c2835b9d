// Package guide replicates the guide's §4.1, §4.2, §5.1 and §8.1.
package guide

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// guide §4.1
type Account struct {
	balance int
	mu      sync.Mutex
}

func (acc *Account) Deposit(amount int) {
	acc.mu.Lock()
	defer acc.mu.Unlock()
	temp := acc.balance
	time.Sleep(10 * time.Millisecond)
	acc.balance = temp + amount
}

func (acc *Account) GetBalance() int {
	acc.mu.Lock()
	defer acc.mu.Unlock()
	return acc.balance
}

// A variant of §4.1 with a method that forgets the lock.
func (acc *Account) Withdraw(amount int) {
	acc.balance -= amount // want `write to acc.balance without holding acc.mu`
}

func account() {
	acc := &Account{balance: 0}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.Deposit(10)
		}()
	}
	wg.Wait()
	fmt.Printf("Final balance: %d\n", acc.GetBalance())
}

// guide §4.2
type Database struct {
	data map[string]string
	mu   sync.RWMutex
}

func (db *Database) Read(key string) string {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.data[key]
}

func (db *Database) Write(key, value string) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.data[key] = value
}

// guide §5.1: the collector is the only writer of resultCount.
type Task struct{ id, value int }
type Result struct {
	task   Task
	result int
}

func workerPool() {
	numWorkers, numTasks := 3, 10
	taskCh := make(chan Task)
	resultCh := make(chan Result)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go func(workerID int) {
			defer wg.Done()
			for task := range taskCh {
				resultCh <- Result{task: task, result: task.value * 2}
			}
		}(w)
	}
	go func() {
		for t := 1; t <= numTasks; t++ {
			taskCh <- Task{id: t, value: t * 10}
		}
		close(taskCh)
	}()
	resultCount := 0
	go func() {
		for range resultCh {
			resultCount++
		}
	}()
	wg.Wait()
	close(resultCh)
	fmt.Printf("All %d tasks completed\n", numTasks)
}

// guide §8.1: no shared writes without a lock.
type WorkerPool struct {
	tasks   chan Task
	results chan Result
	wg      sync.WaitGroup
}

func NewWorkerPool(ctx context.Context, numWorkers int) *WorkerPool {
	pool := &WorkerPool{tasks: make(chan Task, 100), results: make(chan Result)}
	for i := 1; i <= numWorkers; i++ {
		pool.wg.Add(1)
		go pool.worker(ctx, i)
	}
	go func() {
		<-ctx.Done()
		close(pool.tasks)
	}()
	return pool
}

func (p *WorkerPool) worker(ctx context.Context, workerID int) {
	defer p.wg.Done()
	for task := range p.tasks {
		p.results <- Result{task: task}
	}
}

func (p *WorkerPool) Wait() []Result {
	go func() {
		p.wg.Wait()
		close(p.results)
	}()
	results := []Result{}
	for result := range p.results {
		results = append(results, result)
	}
	return results
}

// A variant of §5.1 that prints the count without waiting for the
// collector at all.
func workerPoolCount(results []Result) {
	resultCh := make(chan Result, len(results))
	resultCount := 0
	go func() {
		resultCount = len(results) // the collector's first write
		for range resultCh {
		}
	}()
	fmt.Printf("%d results\n", resultCount) // want `read of resultCount races with the goroutine that writes it: nothing orders them`
}

// Good: the receive orders the read after the goroutine's write.
func workerPoolCountOK(results []Result) {
	done := make(chan struct{})
	resultCount := 0
	go func() {
		resultCount = len(results)
		close(done)
	}()
	<-done
	fmt.Printf("%d results\n", resultCount)
}

// Good: written before the go statement.
func beforeGo() {
	x := 0
	x = 1
	done := make(chan bool)
	go func() {
		_ = x
		done <- true
	}()
	<-done
}
