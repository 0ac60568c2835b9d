module blind17c

go 1.26
