# camelCase aliases still work in 3.11 (some warn on stderr)
import threading
t = threading.Thread(target=lambda: None, name="old")
t.setName("renamed")
print(t.getName(), t.name)
t.setDaemon(True)
print(t.isDaemon(), t.daemon)
print(threading.currentThread().getName())
print(threading.activeCount())
