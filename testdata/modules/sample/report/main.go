// Command report prints the length of each argument, from a collector
// goroutine that main does not wait for: the last lines can be lost.
package main

import (
	"fmt"
	"os"
)

func main() {
	lens := make(chan int)
	go func() { // finding: unjoined
		for n := range lens {
			fmt.Println(n)
		}
	}()
	for _, a := range os.Args[1:] {
		lens <- len(a)
	}
	close(lens)
}
