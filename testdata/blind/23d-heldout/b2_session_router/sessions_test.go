package b2_session_router

import "testing"

func TestDispatchUnknown(t *testing.T) {
	r := NewRouter(func(Message) {})
	if err := r.Dispatch(Message{SessionID: "x"}); err == nil {
		t.Fatal("expected error for unknown session")
	}
	r.Open("a")
	if err := r.Dispatch(Message{SessionID: "a"}); err != nil {
		t.Fatal(err)
	}
	r.Close("a")
}
