module blind17f

go 1.26
