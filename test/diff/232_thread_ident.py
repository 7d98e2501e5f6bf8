# thread identity: ident, get_ident, native_id
import threading
info = {}
def rec():
    t = threading.current_thread()
    info[t.name] = (t.ident == threading.get_ident(), isinstance(t.native_id, int))
t = threading.Thread(target=rec, name="X")
print(t.ident)
t.start()
t.join()
print(info, t.ident is not None, t.ident != threading.main_thread().ident)
print(threading.get_ident() == threading.main_thread().ident)
