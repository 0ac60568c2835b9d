package p

func bad() {}

func f() {
	bad() // want "call of bad"

	bad() //goconcheck:ignore toy this call is fine

	//goconcheck:ignore other,toy fine as well
	bad()

	bad() //goconcheck:ignore other not toy's finding // want "call of bad"

	//goconcheck:ignore toy a blank line between does not cover // want "silences no toy finding"

	bad() // want "call of bad"
}

func g() {
	/* want "malformed //goconcheck:ignore directive: it gives no reason" */ //goconcheck:ignore toy
}

//goconcheck:ignore nosuch because // want `names unknown analyzer "nosuch"`
func h() {}

//goconcheck:ignoreall toy not a directive: another word
func i() {}

func j() {
	bad() //goconcheck:ignore toy covers this line only
	bad() // want "call of bad"
}
