module blind17h

go 1.26
