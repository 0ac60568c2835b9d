module blind

go 1.26
