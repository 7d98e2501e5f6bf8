# json dumps/loads
import json
data = {"name": "x", "vals": [1, 2.5, None, True], "nested": {"k": "v"}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads("[1, 2]"), json.loads('"\\u00e9"'))
print(json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps((1, 2)))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
