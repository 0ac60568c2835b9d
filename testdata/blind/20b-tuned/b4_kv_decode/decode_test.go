package b4_kv_decode

import "testing"

type harness struct {
	t   *testing.T
	out chan Record
}

func newHarness(t *testing.T) *harness {
	return &harness{t: t, out: make(chan Record)}
}

func (h *harness) collect() []Record {
	var got []Record
	for r := range h.out {
		got = append(got, r)
	}
	return got
}

func TestDecodePairs(t *testing.T) {
	h := newHarness(t)
	input := []byte("# db settings\nhost = db1\nport=5432\n")

	if err := decode(input, h.out); err != nil { // BAD: decode emits each pair on the unbuffered h.out; collect runs only after it returns
		t.Fatal(err)
	}

	got := h.collect()
	if len(got) != 2 || got[0].Key != "host" || got[1].Value != "5432" {
		t.Fatalf("got %+v", got)
	}
}

func TestLoad(t *testing.T) {
	m, err := Load([]byte("a=1\nb=2\na=3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m["a"] != "3" || m["b"] != "2" {
		t.Fatalf("got %v", m)
	}
}
