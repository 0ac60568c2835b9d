package generic

type Queue[T any] struct {
	items chan T
}

func (q *Queue[T]) Push(v T) { q.items <- v }

func (q *Queue[T]) consume(stop func(T) bool) {
	for v := range q.items {
		if stop(v) {
			close(q.items) // want `q.items closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

type Stream[T any] struct {
	out  chan T
	done chan struct{}
}

func (s *Stream[T]) Emit(v T) {
	select {
	case s.out <- v:
	case <-s.done:
	}
}

// Correct: the consumer signals on done.
func (s *Stream[T]) consume(stop func(T) bool) {
	for v := range s.out {
		if stop(v) {
			close(s.done)
			return
		}
	}
}

func Sum[T int | float64](in chan T) T {
	var sum T
	for v := range in {
		sum += v
	}
	return sum
}
