// Package waitgroupadd holds a waitgroupadd finding in a file a person wrote and // want package:"analyzed, dependencies too"
// the same in a generated one, where it is dropped.
package waitgroupadd

import "sync"

func addInside() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1) // want `.`
		defer wg.Done()
	}()
	wg.Wait()
}
