def f(items):
    for it in items:
        try:
            with it:
                if it:
                    return it
                continue
        finally:
            print("cleanup")
    while True:
        try:
            break
        except Exception:
            return -1
