// BAD: exercises the exported receiver; the unlocked write it reports is in
// webhooktest.go, where concurrent deliveries from other modules' tests race.
package webhooktest_test

import (
	"net/http"
	"strings"
	"testing"

	"blind/exported-webhook-test-receiver/webhooktest"
)

func TestReceiverRecordsDelivery(t *testing.T) {
	rcv := webhooktest.NewReceiver()
	defer rcv.Close()

	req, _ := http.NewRequest(http.MethodPost, rcv.URL, strings.NewReader(`{"order":42}`))
	req.Header.Set("X-Event-Id", "evt_1")
	req.Header.Set("X-Event", "order.paid")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	d, ok := rcv.Delivered("evt_1")
	if !ok || d.Event != "order.paid" {
		t.Fatalf("delivery = %+v, %v", d, ok)
	}
}
