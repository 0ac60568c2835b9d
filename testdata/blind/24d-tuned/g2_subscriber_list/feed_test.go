package g2_subscriber_list

import "testing"

func TestUnsubscribeThenClose(t *testing.T) {
	var f Feed
	id1, c1 := f.Subscribe(1)
	_, c2 := f.Subscribe(1)
	f.Broadcast(Quote{Symbol: "ACME", Price: 10})
	f.Unsubscribe(id1)
	f.Close()
	f.Close()
	if q := <-c1; q.Symbol != "ACME" {
		t.Fatalf("c1 got %+v", q)
	}
	if _, ok := <-c1; ok {
		t.Fatal("c1 still open")
	}
	<-c2
	if _, ok := <-c2; ok {
		t.Fatal("c2 still open")
	}
}
