package basic

import "sync"

func enter(wg *sync.WaitGroup) { wg.Add(1) }
