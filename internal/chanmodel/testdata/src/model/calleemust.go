package model

// CalleeMust: a call in a branch of a helper that sends on every path
// (report), and one that sends only on some (scan).
func report(out chan int) {
	out <- 1 // want `report: send param out u0 \[must\]`
}

func scan(out chan int, n int) {
	if n > 0 {
		out <- n // want `scan: send param out u0 \[\]`
	}
}

func branches(n int) {
	out := make(chan int, 2)
	if n > 1 {
		report(out)  // want `branches: send make@\d+ u0 \[calleemust\]`
		scan(out, n) // want `branches: send make@\d+ u0 \[\]`
	}
}
