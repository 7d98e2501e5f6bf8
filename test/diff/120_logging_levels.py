# logging levels filter messages; default root format
import logging
print(logging.WARNING, logging.getLevelName(10), logging.getLevelName("ERROR"))
logging.warning("warn from root")
logging.info("hidden by default level")
logger = logging.getLogger("svc")
print(logger.name, logger.getEffectiveLevel(), logger.isEnabledFor(logging.INFO))
logger.setLevel(logging.ERROR)
logger.warning("filtered")
logger.critical("critical from svc")
