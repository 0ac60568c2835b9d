module blind17j

go 1.26
