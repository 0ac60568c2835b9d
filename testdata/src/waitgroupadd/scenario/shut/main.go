// Command shut starts Run and shuts it down: Shutdown's Wait may run // want package:"analyzed, dependencies too"
// before Run's Add.
package main

import (
	"context"

	"waitgroupadd/scenario/svc"
)

func main() {
	s := svc.New()
	go s.Run(context.Background()) // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(in Run\)`
	s.Shutdown()
}
