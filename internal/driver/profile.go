package driver

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
)

// startProfiles starts a CPU profile to cpu, if named, and returns a
// function that stops it and writes a heap profile to mem, if named.
func startProfiles(cpu, mem string) (stop func() error, err error) {
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, err
		}
	}
	return func() error {
		var errs []error
		if cpuFile != nil {
			pprof.StopCPUProfile()
			errs = append(errs, cpuFile.Close())
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err != nil {
				return errors.Join(append(errs, err)...)
			}
			runtime.GC()
			errs = append(errs, pprof.WriteHeapProfile(f), f.Close())
		}
		return errors.Join(errs...)
	}, nil
}

// memStats are the -stats of a run: numbers that measure a change to
// the driver's memory exactly, where time on a shared machine cannot.
// Allocation does not depend on the load. At the end of every
// collection it records the live heap the collector found: their
// largest is the peak live heap (which sets the memory limit, see
// memoryBudget), their sum the bytes the collector marked in all,
// which is what its CPU time grows with.
type memStats struct {
	start []metrics.Sample

	mu               sync.Mutex
	done             bool
	cycles           int
	peakLive, marked uint64
}

var memStatNames = []string{"/gc/heap/allocs:bytes", "/gc/heap/allocs:objects"}

func readMemStats(names ...string) []metrics.Sample {
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	return s
}

func startMemStats() *memStats {
	st := &memStats{start: readMemStats(memStatNames...)}
	st.arm()
	return st
}

// arm sets a finalizer that runs once the next collection is over.
func (st *memStats) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		live := readMemStats("/gc/heap/live:bytes")[0].Value.Uint64()
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.done {
			return
		}
		st.cycles++
		st.marked += live
		st.peakLive = max(st.peakLive, live)
		st.arm()
	})
}

// print writes the statistics since start, if st is not nil.
func (st *memStats) print(w io.Writer) {
	if st == nil {
		return
	}
	end := readMemStats(memStatNames...)
	st.mu.Lock()
	st.done = true
	defer st.mu.Unlock()
	fmt.Fprintf(w, "allocated %.1f MB in %.2f million objects; %d collections marked %.1f MB; peak live heap %.1f MB\n",
		float64(end[0].Value.Uint64()-st.start[0].Value.Uint64())/1e6,
		float64(end[1].Value.Uint64()-st.start[1].Value.Uint64())/1e6,
		st.cycles, float64(st.marked)/1e6, float64(st.peakLive)/1e6)
}
