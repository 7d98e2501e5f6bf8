# logging to stderr with a deterministic format
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(threadName)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("debugging %d", 1)
log.info("info")
print("stdout line between")
log.warning("careful: %s", "x")
log.error("last line on stderr")
