#!/usr/bin/env bash
# Regenerates tests/fixtures/benchmarks from real BenchmarkDotNet runs of this project (see the MANIFEST).
# base and rerun are the same build, regressed is built with QualityGatesBenchmarkVariant=Regressed,
# broken (one benchmark throws) with QualityGatesBenchmarkVariant=Broken. About five minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -o "$work/bin/base" --nologo -v q
dotnet build -c Release -o "$work/bin/regressed" -p:QualityGatesBenchmarkVariant=Regressed --nologo -v q
dotnet build -c Release -o "$work/bin/broken" -p:QualityGatesBenchmarkVariant=Broken --nologo -v q
# On a machine shared with other work the runs take the highest scheduling priority when allowed (root),
# so other processes' load moves their timings less; one after the other, never side by side.
priority=(); if nice -n -20 true 2>/dev/null; then priority=(nice -n -20); fi
run() { # variant run
  for class in CollectionBenchmarks ParseBenchmarks TextBenchmarks; do
    "${priority[@]}" dotnet "$work/bin/$1/QualityGates.BenchmarkSubject.dll" "$work/run/$2" "$class" >> "$work/$2.log" 2>&1 || true
  done
}
run base base
run base rerun
run regressed regressed
run broken broken
fixtures=../fixtures/benchmarks
for run in base rerun regressed broken; do
  rm -rf "$fixtures/$run"
  mkdir -p "$fixtures/$run"
  cp "$work/run/$run/results/"*.json "$fixtures/$run/"
  # BenchmarkDotNet's own log of the run, for the record (the gate reads only the JSON exports).
  cp "$work/run/$run/"*.log "$fixtures/$run/"
done
ls -l "$fixtures"/*
