module blind14i

go 1.26
