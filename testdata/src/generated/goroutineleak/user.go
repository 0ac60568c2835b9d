// Package goroutineleak holds a goroutineleak finding in a file a person wrote and
// the same in a generated one, where it is dropped.
package goroutineleak

func leak() {
	ch := make(chan int)
	go func() {
		<-ch // want `.`
	}()
}
