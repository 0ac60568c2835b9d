package rangeclose

import "sync"

func RecordAll(e *Exporter, series map[string][]float64) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for name, vals := range series {
		wg.Add(1)
		go func(name string, vals []float64) {
			defer wg.Done()
			for _, v := range vals {
				if e.Record(name, v) {
					mu.Lock()
					n++
					mu.Unlock()
				}
			}
		}(name, vals)
	}
	wg.Wait()
	return n
}
