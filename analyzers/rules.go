package analyzers

import (
	"sort"
	"strings"

	"github.com/goconcheck/goconcheck/internal/suppress"
)

// rules documents, in one line each, the rules of the analyzers that
// have several: a diagnostic's Category names its rule, and the rule's
// ID is "analyzer/category". A rule can be switched off alone
// (goconcheck -disable-rule=ID) and is its own SARIF rule.
var rules = map[string]string{
	"condwait/loop":     "sync.Cond.Wait not in a for loop that re-checks the condition.",
	"condwait/unlocked": "sync.Cond.Wait called without the Cond's lock held.",

	"goroutineleak/noexit":       "A goroutine whose loop has no exit, started per object or per call.",
	"goroutineleak/falseexit":    "A goroutine loop whose stop case (ctx.Done(), a closed channel) leaves only the select.",
	"goroutineleak/ticker":       "A goroutine ranging over a ticker's channel, which Stop never closes.",
	"goroutineleak/blocked":      "A goroutine blocked forever on a channel nothing sends on, receives from or closes.",
	"goroutineleak/orphan":       "A send on an unbuffered channel whose receiver may return first.",
	"goroutineleak/producer":     "A producer left blocked when its consumer stops ranging over the channel.",
	"goroutineleak/fanin":        "Goroutines left blocked when the loop collecting their results returns early.",
	"goroutineleak/consumerexit": "Sends on a channel field left blocked once its only consumer goroutine has returned with the channel open.",

	"goroutinepanic/task": "An unrecovered panic in a goroutine started per task whose starter waits for the tasks.",

	"unjoined/unjoined": "A goroutine of main or a test that consumes and prints, which nothing waits for.",

	"lockleak/return": "A return with a mutex still locked that other paths release.",
	"lockleak/loop":   "A loop iteration that starts again with a mutex still locked.",

	"missingcancel/discarded": "A context's cancel function discarded.",
	"missingcancel/uncalled":  "A context's cancel function not called on every path.",

	"selfdeadlock/unready":    "An operation no other goroutine can make ready.",
	"selfdeadlock/cycle":      "Goroutines whose first receives wait on each other in a cycle.",
	"selfdeadlock/pipeline":   "A loop of sends into a chain of relaying goroutines whose last channel comes back, received only after the loop.",
	"selfdeadlock/waitgroup":  "WaitGroup.Wait inside a goroutine the WaitGroup counts.",
	"selfdeadlock/overfilled": "More sends on one object's buffered channel, counted across calls, than its buffer holds, while nothing receives from it.",

	"sendafterclose/afterclose": "A send or second close that can run after close in the same goroutine.",
	"sendafterclose/exported":   "A close not ordered after an exported method's send.",
	"sendafterclose/stopcase":   "A close while an exported method's select may still take its send case.",

	"unlockedwrite/field":   "A write to a field without the lock that guards it.",
	"unlockedwrite/rlock":   "A write under only the read lock of an RWMutex.",
	"unlockedwrite/loop":    "A write in goroutines started in a loop, with no lock held.",
	"unlockedwrite/starter": "An access that races with a goroutine's write: nothing orders them.",
	"unlockedwrite/owned":   "An access outside the one goroutine that owns a field (a run loop), with no lock and no wait.",

	"waitgroupadd/inside":   "WaitGroup.Add inside the goroutine it accounts for.",
	"waitgroupadd/racing":   "A goroutine calling WaitGroup.Add, racing with a later Wait.",
	"waitgroupadd/waitloop": "WaitGroup.Wait inside the loop that starts the goroutines.",
}

// RuleDoc returns the one-line documentation of rule ID
// "analyzer/category", or "" for an analyzer's only rule.
func RuleDoc(id string) string {
	if d, ok := rules[id]; ok {
		return d
	}
	for _, a := range suite {
		switch id {
		case a.Name + "/" + suppress.CategoryUnused:
			return "A //goconcheck:ignore directive that silences nothing."
		case a.Name + "/" + suppress.CategoryMalformed:
			return "A malformed //goconcheck:ignore directive."
		}
	}
	return ""
}

// Rules lists the IDs of every rule of the analyzers that have several,
// sorted.
func Rules() []string {
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// RulesOf lists the rule IDs of analyzer name, sorted; none when it
// has one rule.
func RulesOf(name string) []string {
	var ids []string
	for _, id := range Rules() {
		if strings.HasPrefix(id, name+"/") {
			ids = append(ids, id)
		}
	}
	return ids
}
