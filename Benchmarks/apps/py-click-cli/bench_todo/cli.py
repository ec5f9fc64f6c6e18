"""bench-todo: a to-do list kept in a JSON file, driven by click."""
import json
import os

import click

DEMO = [
    {"title": "write the Dockerfile", "done": True},
    {"title": "measure the image", "done": False},
    {"title": "shrink the image", "done": False},
]


def load(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f)


def save(path, tasks):
    with open(path, "w") as f:
        json.dump(tasks, f, indent=2)


@click.group()
@click.option("--file", "path", default=os.path.expanduser("~/.bench-todo.json"), show_default=True)
@click.pass_context
def main(ctx, path):
    """Keep a small to-do list."""
    ctx.obj = path


@main.command()
@click.argument("title")
@click.pass_obj
def add(path, title):
    """Add a task."""
    tasks = load(path)
    tasks.append({"title": title, "done": False})
    save(path, tasks)
    click.echo(f"added #{len(tasks)}: {title}")


@main.command(name="list")
@click.pass_obj
def list_tasks(path):
    """List the tasks."""
    for i, t in enumerate(load(path), 1):
        click.echo(f"{i:3} [{'x' if t['done'] else ' '}] {t['title']}")


@main.command()
@click.option("--demo", is_flag=True, help="Use built-in demo tasks.")
@click.pass_obj
def stats(path, demo):
    """Count the tasks."""
    tasks = DEMO if demo else load(path)
    done = sum(1 for t in tasks if t["done"])
    click.echo(f"bench-todo: {len(tasks)} tasks, {done} done, {len(tasks) - done} open")


if __name__ == "__main__":
    main()
