module blind13p

go 1.26
