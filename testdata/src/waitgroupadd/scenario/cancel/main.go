// Command cancel starts Run and cancels its context; nothing waits on // want package:"analyzed, dependencies too"
// the WaitGroup, so Run's Add has no Wait to race with: not reported.
package main

import (
	"context"
	"fmt"

	"waitgroupadd/scenario/svc"
)

func main() {
	s := svc.New()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- s.Run(ctx) }()
	cancel()
	fmt.Println(<-errc)
}
