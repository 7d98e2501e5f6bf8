def use(lock, path):
    with lock:
        pass
    with open(path) as f, lock as l:
        return f.read()
