"""Exercises what a language host must pass to a Python program: config and secrets, the stack and
project, dry run, a dynamic provider (its own plugin), and the ways a program can fail."""

import sys

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, Resource, ResourceProvider


class Greeter(ResourceProvider):
    def create(self, props):
        return CreateResult(id_="greeting-1", outs={"name": props["name"], "text": "hello " + props["name"]})

    def diff(self, _id, olds, news):
        return DiffResult(changes=olds.get("name") != news.get("name"))


class Greeting(Resource):
    text: pulumi.Output[str]

    def __init__(self, name, who):
        super().__init__(Greeter(), name, {"name": who, "text": None})


def check_input(value):
    raise ValueError(f"failMode 'raise': bad input {value!r}")


config = pulumi.Config()
fail_mode = config.get("failMode")
if fail_mode == "raise":
    check_input(7)
if fail_mode == "exit":
    sys.exit(3)

greeting = Greeting("greeting", config.require("name"))
pulumi.export("text", greeting.text)
pulumi.export("token", config.require_secret("token"))
pulumi.export("where", f"{pulumi.get_project()}/{pulumi.get_stack()}")
pulumi.log.info(f"dry run: {pulumi.runtime.is_dry_run()}")
