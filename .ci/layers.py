#!/usr/bin/env python3
"""Folder dependencies inside src/QualityGates.Core.

For each .cs file: its folder is the first namespace segment after `QualityGates.`; the folders it uses
are those whose types it names, through a `using QualityGates.X...;` directive, a qualified reference
(`QualityGates.X.Type`, or `X.Type` from inside QualityGates), or by being in a namespace nested under the folder's. A `using` whose
types the file never names is not counted (an unused directive is no dependency).
Prints each folder pair that depends both ways, with the files behind each direction.
Usage: python3 .ci/layers.py [--all] [path-to-Core]
"""
import os, re, sys
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith('--')]
root = args[0] if args else os.path.join(os.path.dirname(__file__), '..', 'src', 'QualityGates.Core')
show_all = '--all' in sys.argv

files = {}
for d, _, names in os.walk(root):
    if os.sep + 'obj' in d or os.sep + 'bin' in d:
        continue
    for n in names:
        if n.endswith('.cs'):
            p = os.path.join(d, n)
            files[p] = open(p, encoding='utf-8').read()

def strip(text):
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    text = re.sub(r'@?"(?:[^"\\\n]|\\.)*"', '""', text)
    return text

decl = re.compile(r'\b(?:class|struct|record|interface|enum|delegate\s+\S+)\s+(?:struct\s+|class\s+)?([A-Z]\w*)')
ns_of = {}
types_in_ns = defaultdict(set)
for p, t in files.items():
    m = re.search(r'^namespace\s+([\w.]+)', t, re.M)
    ns = m.group(1) if m else 'QualityGates'
    ns_of[p] = ns
    for name in decl.findall(strip(t)):
        types_in_ns[ns].add(name)

def folder(ns):
    parts = ns.split('.')
    return parts[1] if len(parts) > 1 else '(root)'

edges = defaultdict(set)  # (from, to) -> files
for p, t in files.items():
    body = strip(t)
    src = folder(ns_of[p])
    idents = set(re.findall(r'\b[A-Z]\w*\b', body))
    imported = set(re.findall(r'^using\s+(QualityGates(?:\.\w+)*)\s*;', body, re.M))
    # enclosing namespaces are visible without a using
    parts = ns_of[p].split('.')
    imported |= {'.'.join(parts[:i]) for i in range(1, len(parts) + 1)}
    used = set()
    for ns in imported:
        if ns in types_in_ns and idents & types_in_ns[ns]:
            used.add(folder(ns))
    for q in re.findall(r'\bQualityGates\.(\w+)\.', body):
        used.add(q)
    # partly qualified from inside QualityGates.*: Waivers.WaiverSet, Gates.Checks.Format
    for q, name in re.findall(r'(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)', body):
        ns = 'QualityGates.' + q
        if any(n == ns or n.startswith(ns + '.') for n in types_in_ns) and (
                name in types_in_ns.get(ns, ()) or (ns + '.' + name) in types_in_ns):
            used.add(q)
    for dst in used:
        if dst != src and dst != '(root)':
            edges[(src, dst)].add(os.path.relpath(p, root))

pairs = sorted({tuple(sorted(k)) for k in edges if (k[1], k[0]) in edges})
if show_all:
    for (a, b), fs in sorted(edges.items()):
        print(f'{a} -> {b}: {len(fs)}')
    print()
print(f'{len(pairs)} two-way folder pairs')
for a, b in pairs:
    print(f'  {a} <-> {b}')
    for x, y in ((a, b), (b, a)):
        print(f'    {x} -> {y}: ' + ', '.join(sorted(edges[(x, y)])))
