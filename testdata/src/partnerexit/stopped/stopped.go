// A request sent to a run loop that Stop has ended: the loop's way
// out closes done for Stop, which the requester does not wait on.
package stopped

type status struct{}

type node struct {
	status chan chan status
	stop   chan struct{}
	done   chan struct{}
}

func newNode() *node {
	return &node{status: make(chan chan status), stop: make(chan struct{}), done: make(chan struct{})}
}

func (n *node) Status() status {
	c := make(chan status)
	n.status <- c // want `send on n.status may block forever: the goroutine that receives from it can return first`
	return <-c
}

func (n *node) run() {
	for {
		select {
		case c := <-n.status:
			c <- status{}
		case <-n.stop:
			close(n.done)
			return
		}
	}
}

func (n *node) Stop() {
	select {
	case n.stop <- struct{}{}:
	case <-n.done:
		return
	}
	<-n.done
}

func startAll() {
	for i := 0; i < 10; i++ {
		go func() {
			n := newNode()
			go n.run()
			go n.Status()
			go n.Stop()
		}()
	}
}

// Silent: the requester also waits for the loop to be done.

type agent struct {
	status chan chan status
	stop   chan struct{}
	done   chan struct{}
}

func newAgent() *agent {
	return &agent{status: make(chan chan status), stop: make(chan struct{}), done: make(chan struct{})}
}

func (a *agent) Status() (status, bool) {
	c := make(chan status)
	select {
	case a.status <- c:
	case <-a.done:
		return status{}, false
	}
	return <-c, true
}

func (a *agent) run() {
	for {
		select {
		case c := <-a.status:
			c <- status{}
		case <-a.stop:
			close(a.done)
			return
		}
	}
}

func startAgent() {
	a := newAgent()
	go a.run()
	go a.Status()
	close(a.stop)
}

// Silent: a supervisor starts the loop again each time it stops, on
// the same worker: a later loop receives the request.

type worker struct {
	req  chan int
	quit chan struct{}
	done chan struct{}
}

func (w *worker) ask(v int) {
	w.req <- v
}

func (w *worker) loop() {
	for {
		select {
		case v := <-w.req:
			_ = v
		case <-w.quit:
			w.done <- struct{}{}
			return
		}
	}
}

func (w *worker) start() { go w.loop() }

func supervise(w *worker) {
	for {
		w.start()
		<-w.done
	}
}

func useWorker() {
	w := &worker{req: make(chan int), quit: make(chan struct{}), done: make(chan struct{})}
	go supervise(w)
	go w.ask(1)
	w.quit <- struct{}{}
}
