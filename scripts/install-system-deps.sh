#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages cohort needs to build and test, if any are missing
# (Cairo and its headers, the DejaVu fonts, poppler-utils for the PDF checks in the tests,
# libxlsxwriter and its headers for report.xlsx, openpyxl to read workbooks back in the tests,
# the locale sources with which a test builds de_DE to check numbers under a decimal comma, and PostgreSQL,
# whose initdb and pg_ctl scripts/with-postgres.sh runs for a throwaway server during the tests).
# As root it runs apt-get; otherwise it prints the exact command to run and fails.
set -euo pipefail

packages=(libcairo2-dev zlib1g-dev pkg-config fonts-dejavu-core poppler-utils libxlsxwriter-dev python3-openpyxl locales python3-aiosmtpd openssl postgresql)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "cohort needs these system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
