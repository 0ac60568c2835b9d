package lockset

import (
	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/factcodec"
)

// The facts' compact encoding in go vet's fact files (see factcodec):
// Writes and Summary are the commonest facts about methods.

func (k SKey) encode(w *factcodec.Writer) {
	k.Rel.Encode(w)
	w.Uint(uint64(k.Mode))
}

func decodeSKey(r *factcodec.Reader) SKey {
	return SKey{Rel: accesspath.DecodeRel(r), Mode: Mode(r.Uint())}
}

func encodeSKeys(w *factcodec.Writer, keys []SKey) {
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		k.encode(w)
	}
}

func decodeSKeys(r *factcodec.Reader) []SKey {
	n := r.Len()
	if n == 0 {
		return nil
	}
	keys := make([]SKey, n)
	for i := range keys {
		keys[i] = decodeSKey(r)
	}
	return keys
}

func (s *Summary) GobEncode() ([]byte, error) {
	var w factcodec.Writer
	encodeSKeys(&w, s.MustLock)
	encodeSKeys(&w, s.Acquires)
	encodeSKeys(&w, s.Releases)
	w.Ints(s.Calls)
	w.Ints(s.CallsFree)
	return w.Bytes(), nil
}

func (s *Summary) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	*s = Summary{MustLock: decodeSKeys(r), Acquires: decodeSKeys(r), Releases: decodeSKeys(r), Calls: r.Ints(), CallsFree: r.Ints()}
	return r.Err()
}

func (ws *Writes) GobEncode() ([]byte, error) {
	var w factcodec.Writer
	w.Uint(uint64(len(ws.W)))
	for _, u := range ws.W {
		u.Key.encode(&w)
		w.String(u.Func)
		w.String(u.Pos)
		w.String(u.Text)
		w.Bools(u.LosesUpdates, u.Always)
		w.String(u.Guard)
	}
	return w.Bytes(), nil
}

func (ws *Writes) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	*ws = Writes{}
	if n := r.Len(); n > 0 {
		ws.W = make([]UnlockedWrite, n)
		for i := range ws.W {
			u := &ws.W[i]
			u.Key = decodeSKey(r)
			u.Func, u.Pos, u.Text = r.String(), r.String(), r.String()
			r.Bools(&u.LosesUpdates, &u.Always)
			u.Guard = r.String()
		}
	}
	return r.Err()
}
