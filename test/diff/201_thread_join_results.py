# threads write results into their own slot; main prints after join
import threading
def square_sum(i, n, out):
    out[i] = sum(k * k for k in range(n))
results = [None] * 5
threads = [threading.Thread(target=square_sum, args=(i, (i + 1) * 1000, results)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(all(not t.is_alive() for t in threads))
