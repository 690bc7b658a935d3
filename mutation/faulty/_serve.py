# Not a subject: the JSON Lines loop shared by the zoo's Python subjects (spec/protocol.md, "Any program").
# serve({"op": fn, ...}) answers `capabilities` with the ops given, an op it was not given with "unsupported op",
# and an exception with its message. json.dumps writes NaN and Infinity as bare tokens, which bonkl reports as wrong.
import json
import sys


def serve(ops):
    for line in sys.stdin:
        request = json.loads(line)
        rid, op = request["id"], request["op"]
        try:
            if op == "capabilities":
                response = {"id": rid, "value": list(ops)}
            elif op not in ops:
                response = {"id": rid, "error": f"unsupported op: {op}"}
            else:
                response = {"id": rid, "value": ops[op](request["args"])}
        except Exception as error:  # noqa: BLE001 - every failure is an error answer
            response = {"id": rid, "error": str(error) or type(error).__name__}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()
