# Array of chars: .value and .raw; Value without a lock
from multiprocessing import Array, Process, Value
def shout(arr):
    arr.value = arr.value.upper()
if __name__ == "__main__":
    a = Array("c", b"hello")
    p = Process(target=shout, args=(a,))
    p.start()
    p.join()
    print(a.value, a.raw, a[0], len(a))
    v = Value("i", 7, lock=False)
    print(v.value, hasattr(v, "get_lock"))
    nums = Array("d", [0.5, 1.5])
    print(nums[:], sum(nums))
