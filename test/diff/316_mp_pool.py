# multiprocessing.Pool: map, starmap, apply, apply_async
from multiprocessing import Pool
def square(x):
    return x * x
def power(b, e):
    return b ** e
if __name__ == "__main__":
    with Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.apply(power, (2, 10)))
        r = pool.apply_async(square, (12,))
        print(r.get(timeout=5), r.ready(), r.successful())
        got = []
        rs = [pool.apply_async(square, (i,), callback=got.append) for i in range(4)]
        for x in rs:
            x.wait()
        print(sorted(got))
        print(sorted(pool.imap_unordered(square, [3, 1, 2])), list(pool.imap(square, [3, 1, 2])))
