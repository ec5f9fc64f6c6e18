"""A tiny Flask service: a health check and an adder. `--self-test` exercises it in-process."""
import sys

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/")
def index():
    return jsonify(service="bench-flask", status="ok")


@app.route("/add/<int:a>/<int:b>")
def add(a, b):
    return jsonify(a=a, b=b, sum=a + b)


def self_test():
    client = app.test_client()
    health = client.get("/").get_json()
    total = client.get("/add/2/3").get_json()["sum"]
    assert health["status"] == "ok", health
    print(f"flask self-test ok: sum={total}")


if __name__ == "__main__":
    if "--self-test" in sys.argv:
        self_test()
    else:
        app.run(host="0.0.0.0", port=5000)
