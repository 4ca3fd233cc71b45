#!/usr/bin/env python3
"""An independent reader of a Registry.pol ([MS-GPREG] 2.1) and of the firewall rule strings in it
([MS-GPFAS] 2.2.2.19), written apart from fwkit's C# so that a test can check fwkit's output against a second
reading. Prints JSON: one object per record, with the rule string split into [key, value] pairs.
Usage: read_pol.py FILE.pol"""
import json, struct, sys


def records(data):
    assert data[:4] == b'PReg', 'no PReg signature'
    assert struct.unpack_from('<I', data, 4)[0] == 1, 'not version 1'
    pos = 8

    def char(c):
        nonlocal pos
        assert data[pos:pos + 2] == c.encode('utf-16-le'), f'{c!r} expected at {pos}'
        pos += 2

    def string():
        nonlocal pos
        end = pos
        while data[end:end + 2] != b'\0\0':
            end += 2
        text = data[pos:end].decode('utf-16-le')
        pos = end + 2
        return text

    while pos < len(data):
        char('[')
        key = string()
        char(';')
        name = string()
        char(';')
        kind = struct.unpack_from('<I', data, pos)[0]
        pos += 4
        char(';')
        size = struct.unpack_from('<I', data, pos)[0]
        pos += 4
        char(';')
        value = data[pos:pos + size]
        pos += size
        char(']')
        yield key, name, kind, value


def rule_fields(text):
    version, *fields = text.split('|')
    assert version.startswith('v2.'), version
    assert fields[-1] == '', 'a rule string ends with |'
    return version, [field.split('=', 1) for field in fields[:-1]]


out = []
for key, name, kind, value in records(open(sys.argv[1], 'rb').read()):
    entry = {'key': key, 'name': name, 'type': kind}
    if kind == 1:
        text = value.decode('utf-16-le')
        assert text.endswith('\0'), 'REG_SZ ends with NUL'
        entry['version'], entry['fields'] = rule_fields(text[:-1])
    out.append(entry)
json.dump(out, sys.stdout)
