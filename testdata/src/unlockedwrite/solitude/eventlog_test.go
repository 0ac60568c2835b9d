package solitude

import "testing"

func TestResetLog(t *testing.T) {
	el := new(eventLog)
	el.Printf("message")
	el.Errorf("error")
	el.reset()
	if len(el.Events()) != 0 {
		t.Errorf("reset left %v", el.Events())
	}
}
