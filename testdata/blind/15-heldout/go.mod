module blind15

go 1.26
