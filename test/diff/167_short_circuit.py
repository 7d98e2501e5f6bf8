# short-circuit evaluation with side effects
log = []
def t(x):
    log.append(x)
    return x
print(t(0) and t(1), log)
log.clear()
print(t(1) or t(2), log)
log.clear()
print(t(1) and t(2) and t(0) and t(3), log)
log.clear()
print(t(1) < t(2) < t(0) < t(5), log)
log.clear()
print(t([]) or t({}) or t("last"), log)
