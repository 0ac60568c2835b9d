package dead

var chPause = make(chan struct{})

// Pause parks the calling goroutine for good, on purpose: the channel
// has no other use. Silent.
func Pause() {
	<-chPause
}

var ready = make(chan struct{})

// waitReady waits for a signal nothing ever gives: the channel is also
// waited on elsewhere, so it was meant to be closed.
func waitReady() {
	<-ready // want `receive from ready blocks forever: nothing sends on or closes it`
}

func waitReadyAgain() {
	<-ready // want `receive from ready blocks forever: nothing sends on or closes it`
}
