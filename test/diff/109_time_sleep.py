# time.sleep and time differences (only compared, never printed)
import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
print("sleeping")
time.sleep(0.2)
dt = time.time() - t0
print("slept", dt >= 0.19, dt < 5)
print(time.monotonic() - m0 >= 0.19, time.perf_counter() - p0 >= 0.19)
print(type(time.time()).__name__, type(time.time_ns()).__name__)
print(time.strftime("%Y-%m-%d", time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
print(time.strftime("%H:%M:%S %a %b %d", time.gmtime(1700000000)))
