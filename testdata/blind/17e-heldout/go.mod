module blind17e

go 1.26
