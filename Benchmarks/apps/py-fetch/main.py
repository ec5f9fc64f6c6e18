"""Reads a YAML config, prepares the HTTP requests it describes (without sending them) and asks
the system's jq to summarise the plan."""
import json
import subprocess
import sys

import requests
import yaml


def plan(config):
    session = requests.Session()
    session.headers.update(config.get("headers", {}))
    base = config["endpoint"].split("/v1")[0]
    prepared = []
    for check in config["checks"]:
        req = session.prepare_request(requests.Request("GET", base + check["path"]))
        prepared.append({"name": check["name"], "method": req.method, "url": req.url,
                         "agent": req.headers["User-Agent"]})
    return prepared


def main():
    with open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml") as f:
        config = yaml.safe_load(f)
    requests_planned = plan(config)
    summary = subprocess.run(
        ["jq", "-r", '"\\(length) checks: " + ([.[].name] | join(", "))'],
        input=json.dumps(requests_planned), capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(f"requests {requests.__version__}, yaml {yaml.__version__}")
    print(f"jq says: {summary}")


if __name__ == "__main__":
    main()
