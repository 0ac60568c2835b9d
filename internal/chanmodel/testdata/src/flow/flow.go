package flow

func sink(chan int)

// A receive every return passes: not avoidable; the range ends only
// when closed.
func ranges(ch chan int) {
	for range ch { // want `ranges: recv param ch u0 \[needsclose\]`
	}
}

func maybe(ch chan int, b bool) {
	if b {
		<-ch // want `maybe: recv param ch u0 \[avoid\]`
	}
}

func quit(q, jobs chan int) {
	for {
		select {
		case <-q: // want `quit: recv param q u0 \[\]`
			return
		case <-jobs: // want `quit: recv param jobs u0 \[avoid\]`
		}
	}
}

func spin() { // want `spin: noreturn`
	for {
	}
}

func local() {
	ch := make(chan int)
	go func() { ch <- 1 }() // want `local: send make u1 \[\]`
	<-ch                    // want `local: recv make u0 \[\]`
}

func escaping() {
	ch := make(chan int)
	sink(ch)
	<-ch // want `escaping: recv make u0 \[escapes\]`
}
