package a

import (
	"errors"
	"sync"
)

// encoding/gob's Decoder (Go 1.26): documented as safe for concurrent
// use, every method sets err with the mutex held but Decode, which
// sets it on its early error path without the lock, racing with
// another goroutine's DecodeValue.
type Decoder struct {
	mutex sync.Mutex
	buf   []byte
	err   error
}

func (dec *Decoder) Recv() {
	dec.mutex.Lock()
	defer dec.mutex.Unlock()
	if len(dec.buf) == 0 {
		dec.err = errors.New("empty")
	}
}

func (dec *Decoder) DecodeValue(v *int) error {
	dec.mutex.Lock()
	defer dec.mutex.Unlock()
	dec.err = nil
	if len(dec.buf) > 0 {
		*v = int(dec.buf[0])
		dec.buf = dec.buf[1:]
	}
	return dec.err
}

func (dec *Decoder) Err() error {
	dec.mutex.Lock()
	defer dec.mutex.Unlock()
	return dec.err
}

func (dec *Decoder) Decode(v *int) error {
	if v == nil {
		dec.err = errors.New("nil pointer") // want `write to dec.err without holding dec.mutex, which guards it in 3 of 4 functions`
		return dec.err
	}
	return dec.DecodeValue(v)
}

// Good: the error is returned, not stored.
func (dec *Decoder) DecodeOK(v *int) error {
	if v == nil {
		return errors.New("nil pointer")
	}
	return dec.DecodeValue(v)
}
