"""Headless Chromium driven as a user would drive it: typing, clicking, reading the clipboard.

No driver library: Chromium speaks the DevTools protocol over two pipes when started with
`--remote-debugging-pipe` (it reads commands on its file descriptor 3 and writes answers and
events on 4, each message JSON ended by a NUL byte). Only what the report's tests need:
open a page, evaluate an expression, type text, click an element, grant the clipboard.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

# Flags that keep a test browser from reaching the network or changing by itself.
QUIET = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class Chromium:
    """One browser with one page, until `close`."""

    def __init__(self, browser: str, profile: Path, size: tuple[int, int] = (1280, 1000)):
        commands_in, self._commands = os.pipe()  # we write, the browser reads on fd 3
        self._answers, answers_out = os.pipe()  # the browser writes on fd 4, we read

        def on_fds_3_and_4() -> None:  # in the child, before exec
            out = os.dup(answers_out) if answers_out == 3 else answers_out
            os.dup2(commands_in, 3)
            os.dup2(out, 4)

        self.process = subprocess.Popen(
            [
                browser,
                *QUIET,
                f"--user-data-dir={profile}",
                f"--window-size={size[0]},{size[1]}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            pass_fds=(3, 4),
            preexec_fn=on_fds_3_and_4,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_in)
        os.close(answers_out)
        self._buffer = b""
        self._last = 0
        self._events: list[dict[str, Any]] = []
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self.send(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
        )["sessionId"]
        self.send("Page.enable", page=True)
        # A page in the background may not use the clipboard: this one always has the focus.
        self.send("Emulation.setFocusEmulationEnabled", {"enabled": True}, page=True)

    # --- the protocol

    def send(self, method: str, params: dict[str, Any] | None = None, page: bool = False) -> Any:
        """Send a command (to the page's session if `page`) and return its result."""
        self._last += 1
        message: dict[str, Any] = {"id": self._last, "method": method, "params": params or {}}
        if page:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            got = self._receive()
            if got.get("id") == self._last:
                if "error" in got:
                    raise RuntimeError(f"{method}: {got['error']}")
                return got["result"]
            self._events.append(got)

    def _receive(self, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select(
                [self._answers], [], [], max(deadline - time.monotonic(), 0)
            )
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _event(self, method: str) -> dict[str, Any]:
        while True:
            for number, event in enumerate(self._events):
                if event.get("method") == method:
                    return self._events.pop(number)
            self._events.append(self._receive())

    # --- what a test does

    def open(self, url: str) -> None:
        self._events.clear()
        self.send("Page.navigate", {"url": url}, page=True)
        self._event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is waited for)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            page=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 15) -> Any:
        """The first truthy value of `expression`, polled until `timeout` seconds have passed
        (then its last value): what the page does asynchronously can take a while on a busy
        machine."""
        deadline = time.monotonic() + timeout
        while not (value := self.evaluate(expression)) and time.monotonic() < deadline:
            time.sleep(0.05)
        return value

    def type(self, selector: str, text: str) -> None:
        """Focus the element and type `text` into it, as keystrokes would."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text}, page=True)

    def click(self, selector: str) -> None:
        """A mouse click in the middle of the element, scrolled into view first."""
        x, y = self.evaluate(
            f"""(function () {{
              var element = document.querySelector({json.dumps(selector)});
              element.scrollIntoView({{block: "center"}});
              var box = element.getBoundingClientRect();
              return [box.x + box.width / 2, box.y + box.height / 2];
            }})()"""
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
                page=True,
            )

    def grant_clipboard(self) -> None:
        self.send(
            "Browser.grantPermissions",
            {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.process.wait(timeout=30)
        except (OSError, RuntimeError, TimeoutError, EOFError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._commands)
            os.close(self._answers)
