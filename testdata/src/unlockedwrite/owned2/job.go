package owned2

import "strconv"

// Job's worker writes its fields, then closes done; readers wait for
// done, except Progress.
type Job struct {
	done chan struct{}

	rows  int
	total int
	out   string
	err   error
}

func StartJob(total int) *Job {
	j := &Job{done: make(chan struct{}), total: total}
	go j.work()
	return j
}

func (j *Job) work() {
	defer close(j.done)
	for i := 0; i < j.total; i++ {
		j.out += strconv.Itoa(i)
		j.rows = i + 1 // want `write to j.rows in the goroutine running work without a lock, while Progress`
	}
	j.err = nil
}

func (j *Job) Progress() string {
	return strconv.Itoa(j.rows) + "/" + strconv.Itoa(j.total)
}

// Result reads after the worker has closed done: silent.
func (j *Job) Result() (string, error) {
	<-j.done
	return j.out, j.err
}

// Status reads only in the case where done is closed: silent.
func (j *Job) Status() string {
	select {
	case <-j.done:
		if j.err != nil {
			return "failed"
		}
		return "ok"
	default:
		return "running"
	}
}

// Pump's exported Start fills in its field before it starts the loop:
// ordered by the go statement.
type Pump struct {
	ticks chan int
	n     int
}

func (p *Pump) Start(n int) {
	p.n = n
	go p.run()
}

func (p *Pump) run() {
	for range p.ticks {
		p.n--
	}
}
