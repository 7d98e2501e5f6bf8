# class-level registry via __init_subclass__ and class attributes
class Plugin:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(cls.__name__)
class Audio(Plugin):
    pass
class Video(Plugin):
    pass
class HDVideo(Video):
    pass
print(Plugin.registry)
class Counted:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class Sub(Counted):
    pass
Counted(); Counted(); Sub()
print(Counted.instances, Sub.instances)
