package analyzers

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers/lockorder"
)

// TestFactCodecs checks every fact type of the suite that writes its own
// compact encoding for go vet's fact files (gob.GobEncoder, see
// internal/factcodec): a fact with every field set (twice, each flag on
// in one of them and off in the other, every number and string distinct)
// comes back equal through gob, as x/tools sends it (inside an
// interface); so does the zero fact; an empty list comes back nil, as
// gob's own encoding gives it. A field added to a fact and left out of
// its codec fails here.
func TestFactCodecs(t *testing.T) {
	seen := make(map[*analysis.Analyzer]bool)
	types := make(map[reflect.Type]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			types[reflect.TypeOf(f)] = true
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range append(unwrapped(), lockorder.Analyzer) {
		visit(a)
	}
	coded := 0
	for typ := range types {
		if _, ok := reflect.New(typ.Elem()).Interface().(gob.GobEncoder); !ok {
			continue
		}
		if _, ok := reflect.New(typ.Elem()).Interface().(gob.GobDecoder); !ok {
			t.Errorf("%s: a GobEncoder that is no GobDecoder", typ)
			continue
		}
		coded++
		gob.Register(reflect.New(typ.Elem()).Interface())
		for seed := range 2 {
			fact := reflect.New(typ.Elem())
			n := 0
			fill(fact.Elem(), &n, seed)
			roundTrip(t, fact.Interface().(analysis.Fact), fact.Interface())
		}
		zero := reflect.New(typ.Elem()).Interface().(analysis.Fact)
		roundTrip(t, zero, zero)
		empty := reflect.New(typ.Elem())
		emptyLists(empty.Elem())
		roundTrip(t, empty.Interface().(analysis.Fact), zero)
	}
	if coded < 5 {
		t.Errorf("%d fact types with a codec, want at least 5 (chanmodel, lockset, sleepsync, waitgroupadd)", coded)
	}
}

// roundTrip encodes fact as x/tools' fact files hold it and checks that
// it decodes to want.
func roundTrip(t *testing.T, fact analysis.Fact, want any) {
	t.Helper()
	type gobFact struct{ Fact analysis.Fact }
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode([]gobFact{{fact}}); err != nil {
		t.Fatalf("%T: %v", fact, err)
	}
	var got []gobFact
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatalf("%T: %v", fact, err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Fact, want) {
		t.Errorf("%T: got %#v, want %#v", fact, got[0].Fact, want)
	}
}

// fill sets every field of v to the next number: a flag to whether the
// number plus seed is even, a number and a string to the number itself;
// a list to two elements.
func fill(v reflect.Value, n *int, seed int) {
	*n++
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool((*n+seed)%2 == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n % 100))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n % 100))
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + string(rune('a'+*n/26%26)))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n, seed)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n, seed)
		}
	default:
		panic("fill: a fact field of kind " + v.Kind().String())
	}
}

// emptyLists sets every list of v to an empty, non-nil one.
func emptyLists(v reflect.Value) {
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Slice {
			f.Set(reflect.MakeSlice(f.Type(), 0, 0))
		}
	}
}
