// Good examples of the guide: Add before the go statement. // want package:"analyzed, dependencies too"
package guide

import (
	"fmt"
	"sync"
	"time"
)

// guide §2.4
func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Printf("[%d] Starting\n", id)
	time.Sleep(time.Millisecond)
}

func section24() {
	var wg sync.WaitGroup
	numWorkers := 3
	wg.Add(numWorkers)
	for i := 1; i <= numWorkers; i++ {
		go worker(i, &wg)
	}
	wg.Wait()
}

// guide §2.5
func riskyTask(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	if id == 2 {
		panic("Something went wrong!")
	}
}

func section25() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go riskyTask(i, &wg)
	}
	wg.Wait()
}

// guide §4.1
type Account struct {
	balance int
	mu      sync.Mutex
}

func (acc *Account) Deposit(amount int) { // want Deposit:`waitgroupadd\(pub:p0/1 flags=0\)`
	acc.mu.Lock()
	defer acc.mu.Unlock()
	acc.balance += amount
}

func section41() {
	acc := &Account{}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.Deposit(10)
		}()
	}
	wg.Wait()
}

// guide §4.2
type Database struct {
	data map[string]string
	mu   sync.RWMutex
}

func (db *Database) Read(key string) string { // want Read:`waitgroupadd\(pub:p0/1 flags=0\)`
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.data[key]
}

func (db *Database) Write(key, value string) { // want Write:`waitgroupadd\(pub:p0/1 flags=0\)`
	db.mu.Lock()
	defer db.mu.Unlock()
	db.data[key] = value
}

func section42() {
	db := &Database{data: make(map[string]string)}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			db.Read("key1")
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		db.Write("key1", "value1")
	}()
	wg.Wait()
}

// guide §4.3
var (
	instance string
	once     sync.Once
)

func getInstance() string {
	once.Do(func() { instance = "Singleton Instance" })
	return instance
}

func section43() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Println(id, getInstance())
		}(i)
	}
	wg.Wait()
}

// guide §5.1
type Task struct{ id, value int }
type Result struct {
	task   Task
	result int
}

func section51() {
	taskCh := make(chan Task)
	resultCh := make(chan Result)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(workerID int) {
			defer wg.Done()
			for task := range taskCh {
				resultCh <- Result{task: task, result: task.value * 2}
			}
		}(w)
	}
	go func() {
		for t := 1; t <= 10; t++ {
			taskCh <- Task{id: t, value: t * 10}
		}
		close(taskCh)
	}()
	go func() {
		for result := range resultCh {
			fmt.Println(result)
		}
	}()
	wg.Wait()
	close(resultCh)
}

// guide §5.2
func fanIn(workers []<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func(ch <-chan int) {
			defer wg.Done()
			for val := range ch {
				out <- val
			}
		}(w)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
