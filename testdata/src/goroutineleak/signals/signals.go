// Goroutines that serve a signal.Notify registration: they live as long
// as the process's signals, however often their starter runs; and near
// misses that wait for something else too, or whose registration ends.
package signals

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// A plugin's entry point eats interrupts for the life of the process
// (go-plugin's Serve): silent.
func Serve(logf func(string, ...any)) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	go func() {
		count := 0
		for {
			<-ch
			count++
			logf("interrupt ignored (%d)", count)
		}
	}()
}

// Forwards every interrupt to the channel it returns (serf's
// makeShutdownCh): silent.
func ShutdownCh() <-chan struct{} {
	out := make(chan struct{})
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for {
			<-sigs
			out <- struct{}{}
		}
	}()
	return out
}

// A reloader kept in a field, served through a method and a helper
// it calls: silent.
type Reloader struct{ hup chan os.Signal }

func NewReloader() *Reloader {
	r := &Reloader{hup: make(chan os.Signal, 1)}
	signal.Notify(r.hup, syscall.SIGHUP)
	go r.serve()
	return r
}

func (r *Reloader) serve() {
	for {
		r.wait()
		log.Print("reload")
	}
}

func (r *Reloader) wait() { <-r.hup }

// Near miss: started per request, the loop waits for work as well as
// for signals: the work loop never ends.
func handle(w http.ResponseWriter, req *http.Request) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR1)
	jobs := make(chan string, 8)
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every request handle serves`
		for {
			select {
			case <-sigs:
				log.Print("dump")
			case j := <-jobs:
				log.Print(j)
			}
		}
	}()
	jobs <- req.URL.Path
}

// Near miss: Close unregisters the channel with signal.Stop, so the
// registration ends, but the goroutine waits on it for ever.
type Watcher struct{ ch chan os.Signal }

func NewWatcher() *Watcher {
	w := &Watcher{ch: make(chan os.Signal, 1)}
	signal.Notify(w.ch, os.Interrupt)
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of NewWatcher; Watcher.Close does not stop it`
		for {
			<-w.ch
			log.Print("interrupt")
		}
	}()
	return w
}

func (w *Watcher) Close() { signal.Stop(w.ch) }

// The loop waits on a channel nothing registers with signal.Notify
// (one the caller feeds); nothing shows Relay to run again.
func Relay(in chan os.Signal) {
	go func() { // silent: nothing shows its starter runs again, nor a way to stop it
		for {
			s := <-in
			log.Print(s)
		}
	}()
}
