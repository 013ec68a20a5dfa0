#!/usr/bin/env bash
# Installs a published gateway on a Raspberry Pi (run as root on the Pi):
#   sudo deploy/install.sh artifacts/publish/linux-arm64 hardware/kits/demo-weather.json
# The first argument is a folder made by `dotnet publish` with a profile from publish-profiles/.
# For linux-arm (32-bit, framework-dependent) install the .NET 10 runtime first and the unit runs
# `dotnet /opt/smartvillage/SmartVillage.Gateway.dll` (this script rewrites ExecStart for that case).
set -euo pipefail
publish_dir=${1:?usage: install.sh PUBLISH_DIR KIT_FILE}
kit_file=${2:?usage: install.sh PUBLISH_DIR KIT_FILE}
here=$(cd "$(dirname "$0")" && pwd)

id smartvillage >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin smartvillage
for group in i2c spi gpio dialout; do
  getent group "$group" >/dev/null && usermod -aG "$group" smartvillage
done

install -d -m 0755 /opt/smartvillage
cp -a "$publish_dir"/. /opt/smartvillage/
# Sensor plugins: one folder each (docs/writing-a-sensor-plugin.md). Owned by root and read-only to the service,
# since a plugin runs with the gateway's rights; an upgrade copies over the program and leaves this folder alone.
install -d -m 0755 -o root -g root /opt/smartvillage/plugins
install -d -m 0750 -o root -g smartvillage /etc/smartvillage
# Never overwrite a kit or secrets the cooperative has already edited on the Pi.
[ -f /etc/smartvillage/kit.json ] || install -m 0640 -o root -g smartvillage "$kit_file" /etc/smartvillage/kit.json
[ -f /etc/smartvillage/gateway.env ] || install -m 0600 -o root -g root /dev/null /etc/smartvillage/gateway.env

unit=/etc/systemd/system/smartvillage-gateway.service
cp "$here/smartvillage-gateway.service" "$unit"
if [ ! -x /opt/smartvillage/SmartVillage.Gateway ]; then
  sed -i 's|^ExecStart=.*|ExecStart=/usr/bin/dotnet /opt/smartvillage/SmartVillage.Gateway.dll|' "$unit"
fi

# The gateway's command line for technicians (`smartvillage calibrate ph --sensor tank-ph`): a client of the running
# service. Only known commands are passed on, so a bare `smartvillage` never starts a second gateway.
if [ -x /opt/smartvillage/SmartVillage.Gateway ]; then program='/opt/smartvillage/SmartVillage.Gateway'; else program='/usr/bin/dotnet /opt/smartvillage/SmartVillage.Gateway.dll'; fi
cat > /usr/local/bin/smartvillage <<EOF
#!/bin/sh
case "\$1" in
  calibrate) exec $program "\$@" ;;
  *) echo "usage: smartvillage calibrate ph|ec --sensor ID [options]   (see docs/calibration.md)" >&2; exit 2 ;;
esac
EOF
chmod 0755 /usr/local/bin/smartvillage

systemctl daemon-reload
systemctl enable --now smartvillage-gateway
systemctl --no-pager status smartvillage-gateway || true
echo "Dashboard and status: http://$(hostname -I | awk '{print $1}'):8080/api/status"
