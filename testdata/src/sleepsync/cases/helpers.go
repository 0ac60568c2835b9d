package cases

// fill is a goroutine body in another file of the package.
func fill(p *int) { *p = 7 }

type server struct {
	count int
	name  string
	ready chan bool
}

func (s *server) loop() {
	s.count++
	s.ready <- true
}

func (s *server) Count() int { return s.count } // want Count:`summary\(reads=p0.0\)`

func (s *server) setName() { s.name = "x" }

// valueLoop has a value receiver: it writes its own copy.
func (s server) valueLoop() { s.count++ }

func compute() int { return 42 }
