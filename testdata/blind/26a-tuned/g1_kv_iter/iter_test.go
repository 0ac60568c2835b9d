package g1_kv_iter

import "testing"

func TestScan(t *testing.T) {
	db := Open()
	_ = db.Set("user/1", "ann")
	_ = db.Set("user/2", "bob")
	_ = db.Set("group/1", "ops")
	it, err := db.Scan("user/")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for it.Next() {
		n++
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("got %d keys, want 2", n)
	}
	if err := db.Set("user/3", "cy"); err != nil {
		t.Fatal(err)
	}
}
