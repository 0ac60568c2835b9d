// Command uploads starts uploads that end, and sleeps instead of
// waiting for them: on a slow run main returns first.
package main

import (
	"fmt"
	"os"
	"time"
)

func upload(name string) error {
	return os.WriteFile(name, []byte("batch"), 0o644)
}

func main() {
	for i := 0; i < 12; i++ {
		go func(i int) {
			if err := upload(fmt.Sprintf("batch-%d.json", i)); err != nil {
				fmt.Println(err)
			}
		}(i)
	}
	time.Sleep(500 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 17`
}
