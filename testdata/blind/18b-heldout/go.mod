module blind18b

go 1.26
