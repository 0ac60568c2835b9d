module blind18a

go 1.26
