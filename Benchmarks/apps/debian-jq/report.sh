#!/bin/sh
# Summarises an inventory file with jq: items per warehouse and the total stock value.
set -eu
file=${1:-/opt/inventory/inventory.json}
echo "inventory report for $(basename "$file")"
jq -r '.items | group_by(.warehouse)[] | "\(.[0].warehouse): \(length) item(s)"' "$file"
jq -r '"total value: \([.items[] | .qty * .price] | add)"' "$file"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("heaviest:", max(d["items"], key=lambda i: i["kg"])["sku"])' "$file"
