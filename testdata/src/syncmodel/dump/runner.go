package dump

import "syncmodel/runner"

// runAsync runs fn in a new goroutine: its parameter 0 is run.
func runAsync(fn func()) { go fn() }

// launch runs f through another helper, and maybe not at all.
func launch(name string, f func()) {
	if f != nil {
		runAsync(f)
	}
}

// helpers hands closures to helpers: those of runAsync, launch and
// RunWorker (another package's, by its fact) start goroutines; Every
// (which calls its function in a loop) and Now do not.
func helpers(s *runner.Stopper, out chan int, stop chan struct{}) {
	runAsync(func() { out <- 1 })
	launch("x", func() { out <- 2 })
	s.RunWorker(func() { <-out })
	runner.Every(func() { out <- 3 }, stop)
	runner.Now(func() { out <- 4 })
	s.RunWorker(s.Stop)
}
