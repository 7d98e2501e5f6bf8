# exceptions in loops: continue after errors, collect failures
inputs = ["10", "x", "0", "5", "", "-2"]
results, errors = [], []
for s in inputs:
    try:
        n = int(s)
        results.append(100 // n)
    except ValueError as e:
        errors.append(f"bad {s!r}")
        continue
    except ZeroDivisionError:
        errors.append("div by zero")
    else:
        errors.append(None)
    finally:
        pass
print(results)
print(errors)
