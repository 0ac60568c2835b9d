package ordered

import (
	"errors"
	"sync"
)

var errRange = errors.New("range not satisfiable")

// downloader is the S3 manager's: one per Download call. download
// fetches the first part on the caller's goroutine; with a known size
// it fans the rest out to workers and waits for them, otherwise it
// goes on alone on its own goroutine, where it clears err without the
// lock: no worker exists on that branch, and the getters it calls run
// on the same goroutine.
type downloader struct {
	cfg     dlConfig
	mu      sync.Mutex
	wg      sync.WaitGroup
	err     error
	total   int64
	pos     int64
	written int64
	fetch   func(pos int64) (int64, error)
}

type dlConfig struct{ parts int }

// The options see the configuration inside the downloader: it escapes,
// and yet each call has its own.
func Download(total int64, fetch func(int64) (int64, error), options ...func(*dlConfig)) (int64, error) {
	d := downloader{total: total, fetch: fetch}
	for _, o := range options {
		o(&d.cfg)
	}
	return d.download()
}

func (d *downloader) download() (int64, error) {
	d.getChunk()
	if d.total >= 0 {
		ch := make(chan int64, 4)
		for i := 0; i < 4; i++ {
			d.wg.Add(1)
			go d.worker(ch)
		}
		for d.getErr() == nil && d.pos < d.total {
			ch <- d.pos
			d.pos += 1 << 20
		}
		close(ch)
		d.wg.Wait()
	} else {
		for d.getErr() == nil {
			d.getChunk()
		}
		if errors.Is(d.err, errRange) {
			d.err = nil // silent: this branch starts no worker
		}
	}
	return d.written, d.err
}

func (d *downloader) worker(ch chan int64) {
	defer d.wg.Done()
	for pos := range ch {
		if d.getErr() != nil {
			continue
		}
		n, err := d.fetch(pos)
		if err != nil {
			d.setErr(err)
			continue
		}
		d.add(n, nil)
	}
}

func (d *downloader) getChunk() {
	n, err := d.fetch(d.pos)
	d.pos += n
	d.add(n, err)
}

func (d *downloader) add(n int64, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.written += n
	if err != nil {
		d.err = err
	}
}

func (d *downloader) getErr() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *downloader) setErr(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.err = err
}

// uploader clears err after its workers started and before it waits
// for them: a worker may be setting it under the lock meanwhile.
type uploader struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	err  error
	send func(int) error
}

func Upload(parts int, send func(int) error) error {
	u := &uploader{send: send}
	return u.upload(parts)
}

func (u *uploader) upload(parts int) error {
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		u.wg.Add(1)
		go u.worker(ch)
	}
	for p := 0; p < parts; p++ {
		ch <- p
	}
	if errors.Is(u.getErr(), errRange) {
		u.err = nil // want `write to u.err without holding u.mu`
	}
	close(ch)
	u.wg.Wait()
	return u.getErr()
}

func (u *uploader) worker(ch chan int) {
	defer u.wg.Done()
	for p := range ch {
		if u.getErr() != nil {
			continue
		}
		if err := u.send(p); err != nil {
			u.mu.Lock()
			u.err = err
			u.mu.Unlock()
		}
	}
}

func (u *uploader) getErr() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

// stream starts its signalling loop before it finishes its set-up:
// the loop never touches loaded, so the set-up's unlocked write races
// with nothing yet.
type stream struct {
	mu     sync.Mutex
	loaded bool
	seq    uint64
	sig    chan struct{}
	quit   chan struct{}
}

type registry struct {
	mu      sync.Mutex
	streams map[string]*stream
}

func (r *registry) addStream(name string, empty bool) *stream {
	s := &stream{sig: make(chan struct{}, 1), quit: make(chan struct{})}
	go s.signalLoop()
	if empty {
		s.loaded = true // silent: the loop started on s never reads it
	}
	r.mu.Lock()
	r.streams[name] = s
	r.mu.Unlock()
	return s
}

func (s *stream) signalLoop() {
	for {
		select {
		case <-s.sig:
			s.mu.Lock()
			s.seq++
			s.mu.Unlock()
		case <-s.quit:
			return
		}
	}
}

func (s *stream) Rebuild() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded {
		return
	}
	s.loaded = true
}

func (s *stream) Process() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loaded
}

func (s *stream) Close() { close(s.quit) }

func (s *stream) Purge() {
	s.mu.Lock()
	s.loaded = false
	s.seq = 0
	s.mu.Unlock()
}

func (r *registry) Create(name string, empty bool) *stream {
	return r.addStream(name, empty)
}
