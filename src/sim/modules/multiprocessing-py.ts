// multiprocessing as Python source (run by the simulator; see multiprocessing.ts), after
// CPython 3.11's Lib/multiprocessing with the fork start method: process.py (Process,
// _bootstrap, current_process...), popen_fork.py, queues.py, connection.py (Pipe),
// synchronize.py, sharedctypes.py (Value/Array wrappers) and pool.py (worker processes
// fed through queues, a result-handler thread in the parent running the callbacks).
export const MP_SOURCE = String.raw`
import os as _os
import sys as _sys
import signal as _signal
import threading as _threading
import _thread
import queue as _queue
import _mpsim

__all__ = ['Process', 'current_process', 'parent_process', 'active_children', 'cpu_count',
           'Pool', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Value', 'Array',
           'RawValue', 'RawArray', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event',
           'Condition', 'Barrier', 'ProcessError', 'BufferTooShort', 'TimeoutError',
           'AuthenticationError', 'get_start_method', 'set_start_method', 'get_context',
           'freeze_support']

class ProcessError(Exception):
    __module__ = 'multiprocessing.context'
    pass

class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'
    pass

class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'
    pass

class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'
    pass

_exitcode_to_name = {}
for _name, _signum in _signal.__dict__.items():
    if _name[:3] == 'SIG' and '_' not in _name and isinstance(_signum, int) and _name not in ('SIGIOT', 'SIGCLD', 'SIGPOLL'):
        _exitcode_to_name[-int(_signum)] = '-' + _name
del _name, _signum


def cpu_count():
    return _mpsim.cpu_count()

def get_start_method(allow_none=False):
    return 'fork'

def set_start_method(method, force=False):
    if method != 'fork':
        raise ValueError('cannot find context for %r' % method)

def get_all_start_methods():
    return ['fork']

def get_context(method=None):
    if method not in (None, 'fork'):
        raise ValueError('cannot find context for %r' % method)
    return _sys.modules[__name__]

def freeze_support():
    pass

# ─── process.py ───

class _Counter:
    def __init__(self):
        self.n = 0
    def __next__(self):
        self.n += 1
        return self.n

_process_counter = _Counter()
_children = set()


class _Popen:
    __module__ = 'multiprocessing.popen_fork'
    def __init__(self, process_obj):
        _mpsim.flush_std()
        self.returncode = None
        code = 1
        self.pid = _os.fork()
        if self.pid == 0:
            try:
                code = process_obj._bootstrap()
            finally:
                _os._exit(code)
        _mpsim.register_child(self.pid, bool(process_obj._config.get('daemon')))

    def poll(self, flag=_os.WNOHANG):
        if self.returncode is None:
            try:
                pid, sts = _os.waitpid(self.pid, flag)
            except OSError:
                return None
            if pid == self.pid:
                self.returncode = _os.waitstatus_to_exitcode(sts)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None:
                if not _mpsim.wait_exit(self.pid, timeout):
                    return None
            return self.poll(_os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                _os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(_signal.SIGTERM)

    def kill(self):
        self._send_signal(_signal.SIGKILL)

    def close(self):
        pass


class BaseProcess(object):
    __module__ = 'multiprocessing.process'
    _start_method = 'fork'

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = _os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == _os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = _Popen(self)
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        else:
            _children.discard(self)
            return False

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _os.getpid()
        else:
            return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        return self._popen.pid if self._popen else None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        global _current_process, _parent_process, _process_counter, _children
        try:
            _process_counter = _Counter()
            _children = set()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            _sys.stderr.write('Process %s:\n' % self.name)
            _mpsim.print_exc()
        finally:
            _thread_shutdown()
            _mpsim.flush_std()
        return exitcode


class Process(BaseProcess):
    __module__ = 'multiprocessing.context'
    pass


class _MainProcess(BaseProcess):
    __module__ = 'multiprocessing.process'
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'\x00' * 32, 'semprefix': '/mp'}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    __module__ = 'multiprocessing.process'
    def __init__(self, name, pid, sentinel=None):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        try:
            _os.kill(self._pid, 0)
        except OSError:
            return False
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        pass


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process

def parent_process():
    return _parent_process

def _cleanup():
    for p in list(_children):
        if p._popen.poll() is not None:
            _children.discard(p)

def active_children():
    _cleanup()
    return list(_children)

def _exit_function():
    for p in active_children():
        if p.daemon:
            p._popen.terminate()
    for p in active_children():
        p.join()

def _thread_shutdown():
    me = _threading.current_thread()
    for t in _threading.enumerate():
        if t is not me and not t.daemon:
            t.join()

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
