// multiprocessing's synchronization objects, queues, pipes and shared-memory wrappers as
// Python source (appended to multiprocessing-py.ts's module), after CPython 3.11's
// synchronize.py, queues.py, connection.py and sharedctypes.py, on the kernel objects of
// _mpsim (shared by every process: fork does not copy them).
export const IPC_SOURCE = String.raw`

# ─── synchronize.py ───

class _SyncBase:
    def __enter__(self):
        return self._obj.__enter__()

    def __exit__(self, *args):
        return self._obj.__exit__(*args)


Lock = _mpsim.Lock
RLock = _mpsim.RLock


class Semaphore(_SyncBase):
    __module__ = 'multiprocessing.synchronize'
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._obj = _threading.Semaphore(value)
        _mpsim.share(self._obj)

    def acquire(self, block=True, timeout=None):
        return self._obj.acquire(block, timeout)

    def release(self):
        self._obj.release()

    def get_value(self):
        return _mpsim.sem_value(self._obj)

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    __module__ = 'multiprocessing.synchronize'
    def __init__(self, value=1, *, ctx=None):
        self._obj = _threading.BoundedSemaphore(value)
        self._maxvalue = value
        _mpsim.share(self._obj)

    def release(self):
        try:
            self._obj.release()
        except ValueError:
            raise ValueError('semaphore or lock released too many times')

    def __repr__(self):
        return '<BoundedSemaphore(value=%s, maxvalue=%s)>' % (self.get_value(), self._maxvalue)


class Event:
    __module__ = 'multiprocessing.synchronize'
    def __init__(self, *, ctx=None):
        self._obj = _threading.Event()
        _mpsim.share(self._obj)

    def is_set(self):
        return self._obj.is_set()

    def set(self):
        self._obj.set()

    def clear(self):
        self._obj.clear()

    def wait(self, timeout=None):
        return self._obj.wait(timeout)

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Condition:
    __module__ = 'multiprocessing.synchronize'
    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._obj = _threading.Condition(_mpsim.as_thread_lock(self._lock))
        _mpsim.share(self._obj)

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        return self._obj.wait(timeout)

    def wait_for(self, predicate, timeout=None):
        return self._obj.wait_for(predicate, timeout)

    def notify(self, n=1):
        self._obj.notify(n)

    def notify_all(self):
        self._obj.notify_all()


class Barrier:
    __module__ = 'multiprocessing.synchronize'
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._obj = _threading.Barrier(parties, action, timeout)
        _mpsim.share(self._obj)

    def wait(self, timeout=None):
        return self._obj.wait(timeout)

    def reset(self):
        self._obj.reset()

    def abort(self):
        self._obj.abort()

    @property
    def parties(self):
        return self._obj.parties

    @property
    def n_waiting(self):
        return self._obj.n_waiting

    @property
    def broken(self):
        return self._obj.broken

# ─── queues.py ───

_SEM_VALUE_MAX = 2147483647

class Queue(object):
    __module__ = 'multiprocessing.queues'
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = _SEM_VALUE_MAX
        self._maxsize = maxsize
        self._kid = _mpsim.queue_new(maxsize)
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")

    def put(self, obj, block=True, timeout=None):
        self._check()
        _mpsim.queue_put(self._kid, obj, block, timeout, _queue.Full)

    def get(self, block=True, timeout=None):
        self._check()
        return _mpsim.queue_get(self._kid, block, timeout, _queue.Empty)

    def qsize(self):
        return _mpsim.queue_size(self._kid)

    def empty(self):
        return _mpsim.queue_size(self._kid) == 0

    def full(self):
        return _mpsim.queue_size(self._kid) >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    __module__ = 'multiprocessing.queues'
    def task_done(self):
        try:
            _mpsim.queue_task_done(self._kid)
        except ValueError:
            raise ValueError('task_done() called too many times')

    def join(self):
        _mpsim.queue_join(self._kid)


class SimpleQueue(object):
    __module__ = 'multiprocessing.queues'
    def __init__(self, *, ctx=None):
        self._kid = _mpsim.queue_new(0)
        self._closed = False

    def close(self):
        self._closed = True

    def empty(self):
        return _mpsim.queue_size(self._kid) == 0

    def get(self):
        return _mpsim.queue_get(self._kid, True, None, _queue.Empty)

    def put(self, obj):
        _mpsim.queue_put(self._kid, obj, True, None, _queue.Full)

# ─── connection.py ───

class Connection(object):
    __module__ = 'multiprocessing.connection'
    def __init__(self, rfd, wfd, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of 'readable' and 'writable' must be True")
        self._rfd = rfd
        self._wfd = wfd
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._rfd is None and self._wfd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._rfd is None and self._wfd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def close(self):
        for fd in set((self._rfd, self._wfd)):
            if fd is not None:
                _mpsim.close_fd(fd)
        self._rfd = self._wfd = None

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        _mpsim.conn_send(self._wfd, obj)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        if size is None:
            size = len(m) - offset
        _mpsim.conn_send_bytes(self._wfd, m[offset:offset + size])

    def recv(self):
        self._check_closed()
        self._check_readable()
        return _mpsim.conn_recv(self._rfd)

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        return _mpsim.conn_recv_bytes(self._rfd)

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return _mpsim.conn_poll(self._rfd, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Pipe(duplex=True):
    if duplex:
        r1, w1 = _mpsim.pipe()
        r2, w2 = _mpsim.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = _mpsim.pipe()
    return Connection(r, None, writable=False), Connection(None, w, readable=False)

# ─── sharedctypes.py ───

RawValue = _mpsim.RawValue
RawArray = _mpsim.RawArray


Synchronized = _mpsim.SynchronizedType
SynchronizedArray = _mpsim.SynchronizedArrayType


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return _mpsim.synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return _mpsim.synchronized(obj, lock)
`;
