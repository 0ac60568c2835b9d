package mux

import (
	"encoding/binary"
	"errors"
	"io"
)

const (
	kindData uint8 = iota
	kindWindow
	kindReset
	numKinds
)

type frame struct {
	kind   uint8
	stream uint32
	body   []byte
}

var errShort = errors.New("mux: short frame")

func readFrame(r io.Reader) (frame, error) {
	var hdr [9]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return frame{}, err
	}
	f := frame{kind: hdr[0], stream: binary.BigEndian.Uint32(hdr[1:5])}
	n := binary.BigEndian.Uint32(hdr[5:9])
	if n > 1<<20 {
		return frame{}, errShort
	}
	f.body = make([]byte, n)
	_, err := io.ReadFull(r, f.body)
	return f, err
}
