module example.com/svc

go 1.22

replace example.com/tools => ../tools
