module blind13r

go 1.26
