module blind13e

go 1.26
