// Correct: the scheduler is started once by the unexported setup called from the daemon's Run entry point and lives for the whole process.
package g2_cli_scheduler

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"
)

type job struct {
	name  string
	every time.Duration
	next  time.Time
	fn    func() error
}

type scheduler struct {
	mu   sync.Mutex
	jobs []*job
	add  chan *job
}

func startScheduler(tick time.Duration) *scheduler {
	s := &scheduler{add: make(chan *job)}
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				s.runDue(now)
			case j := <-s.add:
				s.mu.Lock()
				s.jobs = append(s.jobs, j)
				s.mu.Unlock()
			}
		}
	}()
	return s
}

func (s *scheduler) schedule(name string, every time.Duration, fn func() error) {
	s.add <- &job{name: name, every: every, next: time.Now().Add(every), fn: fn}
}

func (s *scheduler) runDue(now time.Time) {
	s.mu.Lock()
	var due []*job
	for _, j := range s.jobs {
		if !now.Before(j.next) {
			j.next = now.Add(j.every)
			due = append(due, j)
		}
	}
	s.mu.Unlock()
	for _, j := range due {
		if err := j.fn(); err != nil {
			log.Printf("job %s: %v", j.name, err)
		}
	}
}

// Run is the entry point of the `reportd` command: it parses flags, starts
// the job scheduler and serves the status endpoint until the process exits.
func Run(args []string) error {
	fs := flag.NewFlagSet("reportd", flag.ContinueOnError)
	addr := fs.String("addr", ":8080", "listen address")
	tick := fs.Duration("tick", time.Second, "scheduler resolution")
	if err := fs.Parse(args); err != nil {
		return err
	}

	s := startScheduler(*tick)
	var runs int
	var mu sync.Mutex
	s.schedule("rollup", time.Minute, func() error {
		mu.Lock()
		runs++
		mu.Unlock()
		return nil
	})

	http.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "rollups: %d\n", runs)
	})
	log.Printf("reportd listening on %s", *addr)
	return http.ListenAndServe(*addr, nil)
}
