// io (Python source run by the simulator): StringIO and BytesIO.
export default String.raw`
import sys as _sys

__all__ = ['StringIO', 'BytesIO', 'TextIOBase', 'IOBase', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        return list(self)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._checkClosed()

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def _checkClosed(self):
        if getattr(self, 'closed', False):
            raise ValueError('I/O operation on closed file.')


class TextIOBase(IOBase):
    pass


class StringIO(TextIOBase):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        self._buf = initial_value
        self._pos = 0
        self.closed = False

    def getvalue(self):
        self._checkClosed()
        return self._buf

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        n = len(s)
        if self._pos > len(self._buf):
            self._buf += '\0' * (self._pos - len(self._buf))
        self._buf = self._buf[:self._pos] + s + self._buf[self._pos + n:]
        self._pos += n
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._checkClosed()
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = self._buf[self._pos:end]
        self._pos = end
        return r

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size


class BytesIO(IOBase):
    def __init__(self, initial_bytes=b''):
        self._buf = bytes(initial_bytes)
        self._pos = 0
        self.closed = False

    def getvalue(self):
        self._checkClosed()
        return self._buf

    def write(self, b):
        self._checkClosed()
        b = bytes(b)
        n = len(b)
        self._buf = self._buf[:self._pos] + b + self._buf[self._pos + n:]
        self._pos += n
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._checkClosed()
        i = self._buf.find(b'\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        r = self._buf[self._pos:end]
        self._pos = end
        return r

    def seek(self, pos, whence=0):
        if whence == 0:
            self._pos = pos
        elif whence == 1:
            self._pos += pos
        else:
            self._pos = len(self._buf) + pos
        return self._pos

    def tell(self):
        return self._pos
`;
