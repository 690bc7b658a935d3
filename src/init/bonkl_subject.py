"""bonkl_subject: serve your best-of-n functions to `bonkl check` in one call.

bonkl (https://www.npmjs.com/package/bonkl) checks an implementation of the best-of-n quantities against a
certified oracle. A Python implementation talks to it through the subject protocol (JSON Lines on stdin/stdout,
spec/protocol.md in the bonkl package). This file runs that protocol for you. Copy it next to your code with

    npx bonkl init python > bonkl_subject.py

and write a small script, say my_subject.py:

    from bonkl_subject import serve
    from my_research import kl_bon, bon_pmf   # def kl_bon(p, n, r=None): ...

    serve(klBon=kl_bon, bonPmf=bon_pmf)       # any subset of the protocol's ops, as keyword arguments

then check it with

    npx bonkl check --subject-cmd "python3 my_subject.py"

Standard library only, Python 3.8 or later; numpy, torch and the like are never imported.

What serve() guarantees:
  * The loop: read one request line {"id", "op", "args"}, call your function, write one answer line
    {"id", "value"} or {"id", "error"} and flush; return (exit status 0) at the end of the input. Answers come
    in request order (the protocol allows any order; this loop is sequential).
  * capabilities: answered with the names of the ops you gave, in the order you gave them.
  * Calling convention, call="kwargs" (the default): your function gets the args as keyword arguments,
    f(p=[...], n=16). An arg your function has no parameter for under its protocol name but has under the
    snake_case form of it is passed under that name (logEps -> log_eps, so def kl_estimate(n, eps=None,
    log_eps=None) works). An arg your function takes under neither name is answered "unsupported: <arg> ...",
    which bonkl reports as skipped (a kl_bon(p, n) without r is not asked about rewards). A function with
    **kwargs gets every arg under its protocol name. call="dict": your function gets the args object as one dict,
    f({"p": [...], "n": 16}), as a JS module subject does.
  * Results: numpy and torch scalars and arrays (anything with .tolist() or .item()) become plain lists and
    numbers; float32 values become the double they equal exactly (float(x)); other number types (Decimal, mpmath,
    Fraction) are converted with float(), which rounds to the nearest double; a tuple becomes a list. Return a
    decimal string such as "0.1308120340412760512" to give bonkl more than float64 precision.
  * A NaN or infinite result is never written (it is not JSON): it becomes an error answer naming the op and,
    inside a list, the entry: "bonPmf returned NaN at [2] (NaN and infinities are not JSON numbers)".
  * An exception in your function becomes an error answer "<ExceptionType>: <str(exc)>", for example
    "ValueError: p[1]: must be non-negative"; the loop goes on with the next request. NotImplementedError becomes
    "unsupported: <str(exc)>" (bonkl reports it as skipped, not failed).
  * Your prints do not corrupt the protocol: while serve() runs, sys.stdout and file descriptor 1 go to stderr
    (bonkl keeps the start and end of stderr for its report); answers go to the real stdout.
  * A line that is not JSON, or not a request, is answered with an error ({"id": null, ...} when no id can be
    read); an unknown op with "unsupported op: <name>". One bad request never stops the loop.
  * Decimal-string args: bonkl itself sends JSON numbers (binary64 values). Other clients may send numbers as
    exact decimal strings ("1e-30", "1/3"; spec/protocol.md). With decimal_strings="unsupported" (the default)
    such a request is answered "unsupported: <field> is a decimal string ..." without calling your function;
    with decimal_strings="pass" your function receives the strings (for code that carries more precision, or
    validates its inputs itself). Strings that are not decimal numbers ("NaN", "abc") always reach your function,
    which should reject them as invalid input.
"""

import inspect
import json
import math
import os
import re
import sys

__all__ = ["serve", "PROTOCOL_OPS", "PROTOCOL_VERSION"]

PROTOCOL_VERSION = 1
# The ops of protocol version 1 besides capabilities (spec/protocol.md, "Ops").
PROTOCOL_OPS = ("bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2")
CALL_STYLES = ("kwargs", "dict")
DECIMAL_STRING_POLICIES = ("unsupported", "pass")

# An exact number written as a string, as the protocol's args allow: a decimal or a ratio of two decimals.
_DECIMAL = r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_DECIMAL_STRING = re.compile(r"\s*{0}(?:\s*/\s*{0})?\s*".format(_DECIMAL))
_MAX_DEPTH = 32  # nesting depth of a result (a .tolist() that returns itself must not recurse forever)


def serve(call="kwargs", decimal_strings="unsupported", **ops):
    """Answer the bonkl subject protocol on stdin/stdout with the functions given as keyword arguments
    (op name = function) until the end of stdin. See the module docstring for what it guarantees.

    call: "kwargs" (f(p=..., n=...), the default) or "dict" (f({"p": ..., "n": ...})).
    decimal_strings: "unsupported" (the default) or "pass".
    Raises TypeError or ValueError at once for a bad configuration (no op, an op that is not callable, an op
    named like a protocol op but spelled differently, such as kl_bon for klBon).
    """
    table = _op_table(ops)
    if call not in CALL_STYLES:
        raise ValueError("serve(call=...) must be one of {}, got {!r}".format(", ".join(CALL_STYLES), call))
    if decimal_strings not in DECIMAL_STRING_POLICIES:
        raise ValueError(
            "serve(decimal_strings=...) must be one of {}, got {!r}".format(", ".join(DECIMAL_STRING_POLICIES), decimal_strings)
        )
    keywords = {op: _keywords_of(fn) for op, fn in table.items()} if call == "kwargs" else {}
    source = getattr(sys.stdin, "buffer", sys.stdin)
    write, release = _claim_stdout()
    try:
        while True:
            line = source.readline()
            if not line:
                return  # end of input
            answer = _answer(line, table, keywords, call, decimal_strings)
            if answer is None:
                continue
            try:
                write(answer)
            except (BrokenPipeError, ValueError, OSError):
                return  # bonkl closed our stdout: nobody is listening any more
    finally:
        release()


# ------------------------------------------------------------------------------------------------------------
# Configuration


def _squash(name):
    return name.replace("_", "").lower()


def _op_table(ops):
    """The ops as given, checked: callables, none named capabilities, none a misspelt protocol op."""
    if not ops:
        raise TypeError("serve() needs at least one op, e.g. serve(klBon=kl_bon)")
    for name, fn in ops.items():
        if name == "capabilities":
            raise TypeError("serve(capabilities=...): capabilities is answered by serve() from the ops you give")
        if not callable(fn):
            raise TypeError("serve({}=...) must be a function, got {}".format(name, type(fn).__name__))
        if name not in PROTOCOL_OPS:
            for known in PROTOCOL_OPS:
                if _squash(name) == _squash(known):
                    raise TypeError("serve({0}=...): the protocol op is spelt {1}; write serve({1}=...)".format(name, known))
    return dict(ops)


def _keywords_of(fn):
    """The parameter names fn takes as keywords (a tuple, in order), or None when it takes **kwargs or cannot be
    inspected."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    names = []
    for parameter in signature.parameters.values():
        if parameter.kind == parameter.VAR_KEYWORD:
            return None
        if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
            names.append(parameter.name)
    return tuple(names)


def _snake_case(name):
    """logEps -> log_eps."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


# ------------------------------------------------------------------------------------------------------------
# One request


def _error(rid, message):
    return {"id": rid, "error": message}


def _reject_constant(token):
    raise ValueError("{} is not JSON".format(token))


def _kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _answer(raw, table, keywords, call, decimal_strings):
    """The answer object for one input line, or None for a blank line. Never raises (but KeyboardInterrupt)."""
    try:
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as e:
            return _error(None, "bad request: the line is not UTF-8 ({})".format(e))
        if not text.strip():
            return None
        try:
            request = json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as e:
            return _error(None, "bad request: the line is not JSON ({})".format(e))
        if not isinstance(request, dict):
            return _error(None, "bad request: a request is a JSON object {{\"id\", \"op\", \"args\"}}, got {}".format(_kind(request)))
        rid = request.get("id")
        if not isinstance(rid, int) or isinstance(rid, bool):
            return _error(rid, "bad request: id must be an integer, got {}".format(_kind(rid)))
        op = request.get("op")
        if not isinstance(op, str):
            return _error(rid, "bad request: op must be a string, got {}".format(_kind(op)))
        if op == "capabilities":
            return {"id": rid, "value": list(table)}
        fn = table.get(op)
        if fn is None:
            return _error(rid, "unsupported op: {}".format(op))
        args = request.get("args", {})
        if not isinstance(args, dict):
            return _error(rid, "bad request: args must be a JSON object, got {}".format(_kind(args)))
        if decimal_strings == "unsupported":
            field = _first_decimal_string(args)
            if field is not None:
                return _error(rid, "unsupported: {} is a decimal string; this subject takes JSON numbers".format(field))
        return _call(rid, op, fn, args, keywords.get(op), call)
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # a bug of this loop: still one answer, never a crash
        return _error(None, "internal error in bonkl_subject: {}".format(_describe(e)))


def _first_decimal_string(args):
    """The first arg (or entry of a list arg) written as a decimal string, as a field name like "p[2]"."""
    for name, value in args.items():
        if isinstance(value, str) and _DECIMAL_STRING.fullmatch(value):
            return name
        if isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, str) and _DECIMAL_STRING.fullmatch(entry):
                    return "{}[{}]".format(name, i)
    return None


def _message(exc):
    """str(exc), which user code may have broken."""
    try:
        return str(exc)
    except Exception:
        return "(a message that cannot be shown)"


def _describe(exc):
    """ "Type: message" (just "Type" when the message is empty)."""
    message = _message(exc)
    name = type(exc).__name__
    return "{}: {}".format(name, message) if message else name


def _call(rid, op, fn, args, accepted, call):
    """Calls fn for one request and returns the answer object."""
    if call == "dict":
        positional, named = (args,), {}
    else:
        positional, named = (), {}
        for name, value in args.items():
            key = name
            if accepted is not None and name not in accepted:
                key = _snake_case(name)
                if key not in accepted:
                    takes = ", ".join(accepted) or "no argument"
                    return _error(rid, "unsupported: {} ({} takes {})".format(name, op, takes))
            named[key] = value
    try:
        result = fn(*positional, **named)
    except KeyboardInterrupt:
        raise
    except NotImplementedError as e:
        message = _message(e)
        if message.lower().startswith("unsupported"):
            return _error(rid, message)
        return _error(rid, "unsupported: {}".format(message or "{} is not implemented".format(op)))
    except (Exception, SystemExit) as e:
        return _error(rid, _describe(e))
    finally:
        _flush(sys.stderr)
    try:
        value = _plain(result, 0)
    except _UnfitResult as e:
        return _error(rid, "{} {}".format(op, e))
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # a .tolist() or .item() that failed
        return _error(rid, "{}: could not convert the result ({})".format(op, _describe(e)))
    bad = _first_non_finite(value, "")
    if bad is not None:
        where, x = bad
        what = "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
        at = " at {}".format(where) if where else ""
        return _error(rid, "{} returned {}{} (NaN and infinities are not JSON numbers)".format(op, what, at))
    return {"id": rid, "value": value}


# ------------------------------------------------------------------------------------------------------------
# Results


class _UnfitResult(Exception):
    """A result JSON cannot carry; the message continues "<op> ..."."""


def _plain(x, depth):
    """x with numpy/torch values, tuples and other number types turned into plain JSON values."""
    if depth > _MAX_DEPTH:
        raise _UnfitResult("returned a value nested more than {} levels deep".format(_MAX_DEPTH))
    kind = type(x)
    if x is None or kind is float or kind is int or kind is str or kind is bool:
        return x
    if kind is list or kind is tuple:
        if all(type(v) is float for v in x):
            return list(x)
        return [_plain(v, depth + 1) for v in x]
    if isinstance(x, dict):
        return {str(k): _plain(v, depth + 1) for k, v in x.items()}
    if isinstance(x, float):  # a float subclass such as numpy.float64
        return float(x)
    if isinstance(x, int):
        return int(x)
    if isinstance(x, str):
        return str(x)
    if isinstance(x, (list, tuple)):  # a namedtuple, a list subclass
        return [_plain(v, depth + 1) for v in x]
    if hasattr(x, "tolist"):  # numpy arrays and scalars, torch tensors, array.array
        return _plain(x.tolist(), depth + 1)
    if hasattr(x, "item"):  # other framework scalars
        return _plain(x.item(), depth + 1)
    if hasattr(x, "__float__"):  # Decimal, Fraction, mpmath.mpf, numpy.longdouble: the nearest double
        return float(x)
    raise _UnfitResult("returned {}, which is not a number, a string or a list of them".format(_type_name(x)))


def _type_name(x):
    kind = type(x)
    module = getattr(kind, "__module__", "builtins")
    return kind.__name__ if module == "builtins" else "{}.{}".format(module, kind.__name__)


def _first_non_finite(value, where):
    """(where, x) for the first NaN or infinite float in value, where like "[2]" (empty for a scalar)."""
    if type(value) is float:
        return None if math.isfinite(value) else (where, value)
    if isinstance(value, list):
        for i, v in enumerate(value):
            bad = _first_non_finite(v, "{}[{}]".format(where, i))
            if bad is not None:
                return bad
    elif isinstance(value, dict):
        for k, v in value.items():
            bad = _first_non_finite(v, "{}[{!r}]".format(where, k))
            if bad is not None:
                return bad
    return None


# ------------------------------------------------------------------------------------------------------------
# Output


def _flush(stream):
    try:
        stream.flush()
    except (AttributeError, ValueError, OSError):
        pass


def _claim_stdout():
    """(write, release): write(answer) puts one protocol line on the real stdout. Until release(), sys.stdout and,
    where there are file descriptors, descriptor 1 (prints from C code and child processes) go to stderr."""
    original = sys.stdout
    _flush(original)
    sys.stdout = sys.stderr
    protocol_fd = _redirect_fd(original, sys.stderr)
    if protocol_fd is None:  # no file descriptors (an embedding host, a test harness): use the stream object

        def write_text(answer):
            original.write(_encode(answer).decode("ascii") + "\n")
            original.flush()

        def release_text():
            sys.stdout = original

        return write_text, release_text

    out_fd = original.fileno()

    def write_fd(answer):
        data = _encode(answer) + b"\n"
        while data:
            data = data[os.write(protocol_fd, data) :]

    def release_fd():
        _flush(sys.stderr)
        try:
            os.dup2(protocol_fd, out_fd)
            os.close(protocol_fd)
        except OSError:
            pass
        sys.stdout = original

    return write_fd, release_fd


def _redirect_fd(out, err):
    """Points out's file descriptor at err's and returns a new descriptor for the old target; None if impossible."""
    try:
        out_fd, err_fd = out.fileno(), err.fileno()
        saved = os.dup(out_fd)
    except (AttributeError, ValueError, OSError):  # io.UnsupportedOperation is both of the last two
        return None
    try:
        os.dup2(err_fd, out_fd)
    except OSError:
        os.close(saved)
        return None
    return saved


def _encode(answer):
    """One answer as ASCII JSON; an answer JSON cannot carry becomes an error answer for the same id."""
    try:
        return json.dumps(answer, allow_nan=False).encode("ascii")
    except (TypeError, ValueError) as e:
        return json.dumps({"id": answer.get("id"), "error": "internal error in bonkl_subject: {}".format(e)}).encode("ascii")
