package model

// Channels kept in a slice field are named by the field's elements,
// in every function and through calls; an element of a local slice,
// or of a map, has no identity.
type fanout struct {
	outs []chan int
}

func (f *fanout) add() {
	f.outs = append(f.outs, make(chan int))
}

func (f *fanout) publish(v int) {
	for _, ch := range f.outs {
		ch <- v // want `publish: send elements of outs u0 \[\]`
	}
}

func (f *fanout) first() int {
	return <-f.outs[0] // want `first: recv elements of outs u0 \[must\]`
}

func (f *fanout) start() {
	go f.publish(1) // want `start: send elements of outs u1 \[\]`
}

func local(n int) {
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	<-chans[0]
	m := map[string]chan int{}
	<-m["a"]
}
