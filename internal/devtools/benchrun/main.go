//go:build unix

// Command benchrun runs a command several times and prints the median
// wall time, the median CPU time and the median peak memory of the runs.
//
//	benchrun [-n 3] [-prep 'shell command'] [-ok 0,1] [-label name] [-tsv] -- cmd args...
//
// CPU time is user+system time of the whole process tree: the rusage of
// the waited-for command includes every descendant it waited for (the
// go command waits for its compilers and vet tools). Peak memory is the
// maximum resident set size of the largest single process of the tree
// (rusage ru_maxrss, as GNU time -v reports it), not the sum over
// processes that ran at the same time: for go vet, which runs one vet
// tool process per package, it is the largest of those processes (or
// the go command itself).
//
// -prep runs a shell command before every run, untimed, for example to
// replace a cache directory with a fresh copy. The command's output is
// discarded unless -out names a file, which gets the last run's stdout
// and stderr. An exit status not listed in -ok (default 0) is an error:
// benchrun stops and exits 1.
//
// The report is one line per run on stderr and the medians on stdout,
// as text or, with -tsv, as "label<TAB>wall_s<TAB>cpu_s<TAB>maxrss_mib".
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type sample struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchrun: ")
	n := flag.Int("n", 3, "number of timed runs")
	prep := flag.String("prep", "", "shell command run (untimed) before each run")
	okList := flag.String("ok", "0", "comma-separated exit statuses that count as success")
	label := flag.String("label", "", "name of the measurement in the report (default: the command)")
	tsv := flag.Bool("tsv", false, "print the medians as label, wall s, cpu s, max RSS MiB, tab-separated")
	out := flag.String("out", "", "file to receive the last run's stdout and stderr")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: benchrun [flags] -- command [args...]\n")
		flag.PrintDefaults()
		os.Exit(2)
	}
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || *n < 1 {
		flag.Usage()
	}
	ok := map[int]bool{}
	for f := range strings.SplitSeq(*okList, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			log.Fatalf("bad -ok status %q", f)
		}
		ok[c] = true
	}
	if *label == "" {
		*label = strings.Join(args, " ")
	}

	var samples []sample
	for i := range *n {
		if *prep != "" {
			cmd := exec.Command("sh", "-c", *prep)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				log.Fatalf("-prep: %v", err)
			}
		}
		s, err := runOnce(args, *out, ok)
		if err != nil {
			log.Fatalf("%s: run %d: %v", *label, i+1, err)
		}
		fmt.Fprintf(os.Stderr, "%s: run %d: wall %.2fs cpu %.2fs maxrss %d MiB\n",
			*label, i+1, s.wall.Seconds(), s.cpu.Seconds(), s.maxRSS>>20)
		samples = append(samples, s)
	}

	wall := median(samples, func(s sample) int64 { return int64(s.wall) })
	cpu := median(samples, func(s sample) int64 { return int64(s.cpu) })
	rss := median(samples, func(s sample) int64 { return s.maxRSS })
	if *tsv {
		fmt.Printf("%s\t%.2f\t%.2f\t%d\n", *label, time.Duration(wall).Seconds(), time.Duration(cpu).Seconds(), rss>>20)
		return
	}
	fmt.Printf("%s: %d runs, median wall %.2fs, median cpu %.2fs (user+sys, process tree), median max RSS %d MiB (largest single process)\n",
		*label, len(samples), time.Duration(wall).Seconds(), time.Duration(cpu).Seconds(), rss>>20)
}

// runOnce runs the command once and measures it.
func runOnce(args []string, out string, ok map[int]bool) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = nil
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return sample{}, err
		}
		defer f.Close()
		cmd.Stdout, cmd.Stderr = f, f
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return sample{}, err // did not start
	}
	if code := cmd.ProcessState.ExitCode(); !ok[code] {
		if code < 0 {
			return sample{}, fmt.Errorf("%v", cmd.ProcessState)
		}
		return sample{}, fmt.Errorf("exit status %d (see -ok, -out)", code)
	}
	ru, isRusage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !isRusage {
		return sample{}, fmt.Errorf("no rusage on this system")
	}
	return sample{
		wall:   wall,
		cpu:    cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
		maxRSS: maxRSSBytes(ru),
	}, nil
}

// median returns the median of the samples' values (the mean of the two
// middle ones for an even count).
func median(ss []sample, value func(sample) int64) int64 {
	vs := make([]int64, len(ss))
	for i, s := range ss {
		vs[i] = value(s)
	}
	slices.Sort(vs)
	m := len(vs) / 2
	if len(vs)%2 == 0 {
		return (vs[m-1] + vs[m]) / 2
	}
	return vs[m]
}
