#!/usr/bin/env bash
# Packs QualityGates.MSBuild from this repository into samples/.feed and runs the sample's tests under
# the gate: prints the gate table and writes samples/Sample.Library.Tests/.quality-gates/junit-gates.xml.
# Needs only the .NET SDK. Extra arguments go to dotnet test (e.g. -p:QualityGatesContext=production).
set -euo pipefail
samples="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$samples")"
# A version no earlier run used, so a package cached by an earlier run is never restored instead.
version="0.1.0-sample.$(date -u +%Y%m%d%H%M%S)"

rm -rf "$samples/.feed"
dotnet pack "$repo/src/QualityGates.MSBuild" -c Release -o "$samples/.feed" -p:Version="$version" -tl:off -nologo -v:q
dotnet test "$samples/Sample.sln" -p:QualityGatesPackageVersion="$version" -tl:off "$@"
