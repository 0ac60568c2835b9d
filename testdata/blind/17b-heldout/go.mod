module blind17b

go 1.26
