// multiprocessing as Python source (run by the simulator; see multiprocessing.ts), after
// CPython 3.11's Lib/multiprocessing with the fork start method: process.py (Process,
// _bootstrap, current_process...), popen_fork.py, queues.py, connection.py (Pipe),
// synchronize.py, sharedctypes.py (Value/Array wrappers) are in multiprocessing-ipc-py.ts
// and pool.py in multiprocessing-pool-py.ts (the three are one module).
import { IPC_SOURCE } from './multiprocessing-ipc-py';
import { POOL_SOURCE } from './multiprocessing-pool-py';

export const MP_SOURCE_BASE = String.raw`
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
`;

export const MP_SOURCE = MP_SOURCE_BASE + IPC_SOURCE + POOL_SOURCE;
