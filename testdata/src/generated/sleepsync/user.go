// Package sleepsync holds a sleepsync finding in a file a person wrote and // want package:"analyzed, dependencies too"
// the same in a generated one, where it is dropped.
package sleepsync

import "time"

func sleep() int {
	x := 0
	go func() { x = 1 }()
	time.Sleep(time.Millisecond) // want `.`
	return x
}
