module blind17i

go 1.26
