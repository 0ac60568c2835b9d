package b3_rpc_server

import "testing"

func TestDispatchCountsRequests(t *testing.T) {
	s := NewServer(func(req []byte) ([]byte, error) { return req, nil })
	done := make(chan struct{}, 3)
	for i := 0; i < 3; i++ {
		if err := s.Dispatch([]byte("ping"), func([]byte, error) { done <- struct{}{} }); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	st := s.Shutdown()
	if st.Served != 3 {
		t.Fatalf("served = %d, want 3", st.Served)
	}
}
