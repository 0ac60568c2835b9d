package lockset

import (
	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/factcodec"
)

// The facts' compact encoding in go vet's fact files (see factcodec):
// Writes and Summary are the commonest facts about methods.

func encodeSKey(w *factcodec.Writer, k SKey) {
	k.Encode(w)
	w.Uint(uint64(k.Mode))
}

func decodeSKey(r *factcodec.Reader) SKey {
	return SKey{Rel: accesspath.DecodeRel(r), Mode: Mode(r.Uint())}
}

func encodeSKeys(w *factcodec.Writer, keys []SKey) { factcodec.List(w, keys, encodeSKey) }

func decodeSKeys(r *factcodec.Reader) []SKey { return factcodec.ReadList(r, decodeSKey) }

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
	factcodec.List(&w, ws.W, func(w *factcodec.Writer, u UnlockedWrite) {
		encodeSKey(w, u.Key)
		w.String(u.Func)
		w.String(u.Pos)
		w.String(u.Text)
		w.Bools(u.LosesUpdates, u.Always)
		w.String(u.Guard)
	})
	return w.Bytes(), nil
}

func (ws *Writes) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	*ws = Writes{W: factcodec.ReadList(r, func(r *factcodec.Reader) (u UnlockedWrite) {
		u.Key = decodeSKey(r)
		u.Func, u.Pos, u.Text = r.String(), r.String(), r.String()
		r.Bools(&u.LosesUpdates, &u.Always)
		u.Guard = r.String()
		return u
	})}
	return r.Err()
}
