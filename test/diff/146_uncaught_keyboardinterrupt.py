# an uncaught KeyboardInterrupt makes CPython exit by re-raising SIGINT (status 130 in a shell)
print("before interrupt")
raise KeyboardInterrupt
