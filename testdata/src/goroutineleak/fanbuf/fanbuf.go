// Buffered channels that fill: goroutines started per element each
// send once, the receiver returns early.
package fanbuf

import "context"

type replica interface{ put(v int) error }

func putAll(rs []replica, v int) error {
	acks := make(chan error, 1) // want `goroutine leak: the goroutines sending on acks, whose buffer holds 1, block forever once the collecting loop returns early`
	for _, r := range rs {
		go func(r replica) {
			acks <- r.put(v)
		}(r)
	}
	var first error
	for range rs {
		err := <-acks
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

func putCtx(ctx context.Context, rs []replica, v int) error {
	acks := make(chan error, 2) // want `goroutine leak: the goroutines sending on acks, whose buffer holds 2, block forever`
	for _, r := range rs {
		go func(r replica) {
			acks <- r.put(v)
		}(r)
	}
	for range rs {
		select {
		case err := <-acks:
			if err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// The buffer holds every send: silent.
func putSized(rs []replica, v int) error {
	acks := make(chan error, len(rs))
	for _, r := range rs {
		go func(r replica) {
			acks <- r.put(v)
		}(r)
	}
	for range rs {
		if err := <-acks; err == nil {
			return nil
		}
	}
	return nil
}

// Three goroutines, counted by a constant loop: the model does not
// weigh the count against the buffer; silent.
func putThree(rs []replica, v int) error {
	acks := make(chan error, 3)
	for i := 0; i < 3; i++ {
		go func() {
			acks <- rs[i].put(v)
		}()
	}
	for range 3 {
		if err := <-acks; err == nil {
			return nil
		}
	}
	return nil
}

// The senders select on the context too: silent.
func putSelect(ctx context.Context, rs []replica, v int) error {
	acks := make(chan error, 1)
	for _, r := range rs {
		go func(r replica) {
			select {
			case acks <- r.put(v):
			case <-ctx.Done():
			}
		}(r)
	}
	for range rs {
		if err := <-acks; err == nil {
			return nil
		}
	}
	return nil
}

// The receiver takes every value before it returns: silent.
func putWaitAll(rs []replica, v int) error {
	acks := make(chan error, 1)
	for _, r := range rs {
		go func(r replica) {
			acks <- r.put(v)
		}(r)
	}
	var first error
	for range rs {
		if err := <-acks; err != nil && first == nil {
			first = err
		}
	}
	return first
}

type client struct{ replicas []replica }

// The collecting loop counts up to len(c.replicas), a field it does
// not change.
func (c *client) put(v int) error {
	acks := make(chan error, 1) // want `goroutine leak: the goroutines sending on acks, whose buffer holds 1`
	for _, r := range c.replicas {
		go func(r replica) {
			acks <- r.put(v)
		}(r)
	}
	for i := 0; i < len(c.replicas); i++ {
		if err := <-acks; err == nil {
			return nil
		}
	}
	return nil
}
