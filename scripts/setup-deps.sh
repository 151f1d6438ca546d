#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs what Isocenter's build, tests and product need on a Debian 12 machine. Idempotent:
# does nothing when everything is already there. Called by both README commands and by CI.
#  1. Debian packages (apt-get, only those missing).
#  2. The Debian-provided jars (PixelMed, VTK) installed into the local Maven repository with
#     fixed coordinates, where the target platform wraps them as OSGi bundles.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Runtime + build: PixelMed (DICOM toolkit), VTK 9 Java bindings + Mesa (3D), GTK 3 (SWT), CharLS and OpenJPEG
# (JPEG-LS and JPEG 2000 pixel data, called through JNA), dcmtk's dcmdjpeg (12-bit JPEG, run as a process).
# Tests: dcmtk (storescp/storescu network peers, dcmcjpeg/dcmcjpls/dcmcrle encoders), dicom3tools (dciodvfy),
# GDCM's gdcmconv (JPEG 2000 encoder and reference decoder),
# pydicom + numpy (independent reader), plastimatch (RT data written by another tool), Xvfb, imagemagick,
# PostgreSQL (the shared record store, started by the tests as a throwaway server; no system service).
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
# The Debian jars and their Maven coordinates (referenced by target-platform/isocenter.target): "file groupId
# artifactId version"
JARS=("/usr/share/java/pixelmed-20220618.jar debian.pixelmed pixelmed 20220618"
      "/usr/share/java/vtk9.jar debian.vtk vtk 9.1.0")
jar_dest() { # groupId artifactId version: sets DEST, the jar's path in the local Maven repository
  printf -v DEST '%s' "$M2_REPO/${1//.//}/$2/$3/$2-$3.jar"
}
# Nothing to do when nothing changed since the last complete run: Debian's package database, the Debian jars, their
# copies in the Maven repository and this script are all older than the mark it left (0.08 s of every
# ./isocenter workbench otherwise, most of it dpkg-query)
DONE="$M2_REPO/.isocenter-setup-deps"
up_to_date() {
  local jar file g a v
  [ -f "$DONE" ] && [ "$DONE" -nt /var/lib/dpkg/status ] && [ "$DONE" -nt "${BASH_SOURCE[0]}" ] || return 1
  for jar in "${JARS[@]}"; do
    read -r file g a v <<< "$jar"
    jar_dest "$g" "$a" "$v"
    [ -f "$file" ] && [ "$DONE" -nt "$file" ] && [ -f "$DEST" ] && [ "$DONE" -nt "$DEST" ] || return 1
  done
}
up_to_date && exit 0

PACKAGES=(libpixelmed-java libvtk9-java libcharls2 libopenjp2-7 libgl1-mesa-dri libgtk-3-0 xvfb xauth imagemagick
          dcmtk dicom3tools libgdcm-tools python3-pydicom python3-numpy plastimatch
          postgresql)

missing=() # one dpkg-query for all (one per package cost 0.2 s on every ./isocenter workbench)
installed=" $(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null \
  | awk '$2 == "install" && $3 == "ok" && $4 == "installed" {print $1}' | tr '\n' ' ' || true) "
for p in "${PACKAGES[@]}"; do
  [[ "$installed" == *" $p "* ]] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
  else
    echo "[setup] These Debian packages are missing: ${missing[*]}" >&2
    echo "[setup] Installing them needs root. Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# Debian jars -> local Maven repository, each checked to be there after its installation.
install_jar() { # file groupId artifactId version
  local file="$1" g="$2" a="$3" v="$4"
  jar_dest "$g" "$a" "$v"
  if [ -f "$DEST" ] && cmp -s "$file" "$DEST"; then return 0; fi
  echo "[setup] installing $file into the local Maven repository as $g:$a:$v" >&2
  (cd "$(mktemp -d)" && "$ROOT/mvnw" -q -B install:install-file -Dfile="$file" -DgroupId="$g" -DartifactId="$a" \
      -Dversion="$v" -Dpackaging=jar -DgeneratePom=true >&2)
  cmp -s "$file" "$DEST" || { echo "[setup] $DEST was not installed" >&2; exit 1; }
}
for jar in "${JARS[@]}"; do
  install_jar $jar # word splitting on purpose: "file groupId artifactId version"
done
touch "$DONE"
