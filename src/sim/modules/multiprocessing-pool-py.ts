// multiprocessing.pool as Python source (appended to multiprocessing-py.ts's module):
// Pool after CPython 3.11's Lib/multiprocessing/pool.py — worker processes fed through
// queues (tasks and results are pickled), a result-handler thread in the parent that
// sets the results and runs the callbacks — and ThreadPool (threads as workers).
export const POOL_SOURCE = String.raw`
# ─── pool.py ───

RUN, CLOSE, TERMINATE = 0, 1, 2

def _worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        outqueue.put((job, i, result))
        completed += 1


def _star(args):
    return args[0](*args[1])


def _mapstar(args):
    return list(map(*args))


def _starmapstar(args):
    return [args[0](*a) for a in args[1]]


class ApplyResult(object):
    __module__ = 'multiprocessing.pool'
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = _threading.Event()
        self._job = pool._next_job()
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

AsyncResult = ApplyResult


class MapResult(ApplyResult):
    __module__ = 'multiprocessing.pool'
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):
    __module__ = 'multiprocessing.pool'
    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = _threading.Condition(_threading.Lock())
        self._job = pool._next_job()
        self._cache = pool._cache
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._ordered = ordered
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._items:
                    success, value = self._items.pop(0)
                    if success:
                        return value
                    raise value
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration
                self._cond.wait(timeout)
                if not self._items and self._index != self._length and timeout is not None:
                    raise TimeoutError

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if not self._ordered:
                self._items.append(obj)
                self._index += 1
            elif self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
            else:
                self._unsorted[i] = obj
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]


class Pool(object):
    __module__ = 'multiprocessing.pool'
    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._state = RUN
        self._cache = {}
        self._job_counter = 0
        self._taskqueue = None
        self._setup_queues()
        if processes is None:
            processes = cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._pool = []
        for i in range(processes):
            w = self._new_worker((self._inqueue, self._outqueue, initializer, initargs, maxtasksperchild))
            w.start()
            self._pool.append(w)
        self._result_handler = _threading.Thread(target=Pool._handle_results, args=(self._outqueue, self._cache), daemon=True)
        self._result_handler.start()

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()

    def _new_worker(self, args):
        w = Process(target=_worker, args=args)
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        return w

    def _next_job(self):
        self._job_counter += 1
        return self._job_counter

    @staticmethod
    def _handle_results(outqueue, cache):
        while True:
            task = outqueue.get()
            if task is None:
                break
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._inqueue.put((result._job, 0, func, tuple(args), dict(kwds)))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        items = list(iterable)
        result = MapResult(self, chunksize, len(items), callback, error_callback=error_callback)
        if chunksize > 0:
            for i in range(0, (len(items) + chunksize - 1) // chunksize):
                chunk = tuple(items[i * chunksize:(i + 1) * chunksize])
                self._inqueue.put((result._job, i, mapper, ((func, chunk),), {}))
        return result

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        result = IMapIterator(self, True)
        n = 0
        for i, x in enumerate(iterable):
            self._inqueue.put((result._job, i, func, (x,), {}))
            n += 1
        result._set_length(n)
        return result

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        result = IMapIterator(self, False)
        n = 0
        for i, x in enumerate(iterable):
            self._inqueue.put((result._job, i, func, (x,), {}))
            n += 1
        result._set_length(n)
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for w in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._outqueue.put(None)

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for w in self._pool:
            w.join()
        if self._state == CLOSE:
            self._outqueue.put(None)
        self._result_handler.join()

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={("RUN", "CLOSE", "TERMINATE")[self._state]} '
                f'pool_size={len(self._pool)}>')

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ThreadPool(Pool):
    __module__ = 'multiprocessing.pool'
    # multiprocessing.pool.ThreadPool: the same pool with threads as workers and plain
    # queues between them (no pickling)
    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = _queue.SimpleQueue()
        self._outqueue = _queue.SimpleQueue()

    def _new_worker(self, args):
        return _threading.Thread(target=_worker, args=args, daemon=True)

    def terminate(self):
        self._state = TERMINATE
        for w in self._pool:
            self._inqueue.put(None)
        self._outqueue.put(None)
`;
