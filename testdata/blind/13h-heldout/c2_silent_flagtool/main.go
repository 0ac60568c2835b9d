package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"time"
)

var (
	input    = flag.String("in", "", "CSV file to import")
	column   = flag.Int("col", 0, "column holding the key")
	memEvery = flag.Duration("mem", 0, "log heap usage at this interval (0 disables)")
)

func sampleHeap(every time.Duration) {
	var ms runtime.MemStats
	for {
		time.Sleep(every)
		runtime.ReadMemStats(&ms)
		log.Printf("heap=%dKiB objects=%d gc=%d", ms.HeapAlloc>>10, ms.HeapObjects, ms.NumGC)
	}
}

func main() {
	flag.Parse()
	if *input == "" {
		fmt.Fprintln(os.Stderr, "csvkeys: -in is required")
		os.Exit(2)
	}
	if *memEvery > 0 {
		go sampleHeap(*memEvery)
	}

	f, err := os.Open(*input)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	seen := make(map[string]int)
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if *column < len(rec) {
			seen[strings.TrimSpace(rec[*column])]++
		}
	}

	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for k, n := range seen {
		if n > 1 {
			fmt.Fprintf(w, "%s\t%d\n", k, n)
		}
	}
}
