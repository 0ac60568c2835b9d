package q

// The wrapper of other, which reports nothing, reports the directives
// that name it; a malformed one naming toy first is toy's to report.

//goconcheck:ignore other,toy nothing here // want "silences no other finding"
func f() {}

func g() {
	/* no diagnostic: toy reports it */ //goconcheck:ignore toy,other
}
