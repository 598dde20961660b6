#!/bin/sh
# Installs the Debian packages rwkvc needs to build and test, when any is missing.
# As root it runs apt-get itself; otherwise it prints the command to run.
set -u
PKGS="gcc make libc6-dev libvulkan-dev glslang-dev glslang-tools glslc libyaml-dev libxxhash-dev
libcmocka-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools graphviz clang
libclang-rt-14-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: not root; run this, then 'make' again:"
	echo "    sudo apt-get update && sudo apt-get install -y$missing"
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q || { echo "deps: apt-get update failed"; exit 1; }
apt-get install -y -q --no-install-recommends $missing || { echo "deps: apt-get install failed"; exit 1; }
echo "deps: installed:$missing"
