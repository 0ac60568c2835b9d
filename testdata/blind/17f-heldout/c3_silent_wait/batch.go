package main

import (
	"context"
	"fmt"
	"time"
)

type Job struct {
	ID    int
	Input []int
}

type Report struct {
	JobID int
	Sum   int
}

func checksum(in []int) int {
	sum := 0
	for _, v := range in {
		sum = sum*31 + v
	}
	return sum
}

// process sends a report for the job unless the context ends first.
func process(ctx context.Context, j Job, out chan<- Report) {
	if len(j.Input) == 0 {
		return
	}
	select {
	case <-ctx.Done():
		return
	case out <- Report{JobID: j.ID, Sum: checksum(j.Input)}:
	}
}

func collect(ctx context.Context, jobs []Job) []Report {
	out := make(chan Report)
	for _, j := range jobs {
		go process(ctx, j, out)
	}
	var reports []Report
	for range jobs {
		select {
		case r := <-out:
			reports = append(reports, r)
		case <-ctx.Done():
			return reports
		}
	}
	return reports
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	reports := collect(ctx, []Job{
		{ID: 1, Input: []int{1, 2, 3}},
		{ID: 2, Input: nil},
		{ID: 3, Input: []int{4}},
	})
	fmt.Println(len(reports), "reports")
}
