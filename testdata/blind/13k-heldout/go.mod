module blindSET

go 1.26
