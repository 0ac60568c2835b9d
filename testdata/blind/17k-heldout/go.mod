module blind17k

go 1.26
