package endless

import "time"

// Set-up starts: a package-level function with no parameters starts a
// goroutine that takes nothing from the call and works on package
// state. A second call would run the same service twice, not serve
// more work: the function is a set-up step, run once per process.

var metrics = map[string]int{}

func StartUpdater() {
	go func() {
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for range t.C {
			metrics["updates"]++
		}
	}()
}

func InitStore() error {
	go pruneLoop()
	return nil
}

func pruneLoop() {
	for {
		time.Sleep(time.Minute)
		work()
	}
}

// A parameter handed to the goroutine makes one per call, but nothing
// shows a second call.
func StartPoller(every time.Duration) {
	go pollLoop(every) // silent: nothing shows its starter runs again, nor a way to stop it
}

func pollLoop(every time.Duration) {
	for {
		time.Sleep(every)
		work()
	}
}

// So would a value of the call the goroutine's literal captures.
func StartCounter() {
	hits := new(int)
	go func() { // silent: nothing shows its starter runs again, nor a way to stop it
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for range t.C {
			*hits++
		}
	}()
}
