"""Make tests/labelstudio/export.json with a real Label Studio: how the fixture was made.

Not run by the tests (they read the file). It needs a Label Studio server on this machine
(`pip install label-studio`, then `label-studio start --port 8089 --username U --password P
--user-token T`, with legacy tokens enabled for its organisation), and an output folder of
`coopextract ingest data/raw`. It creates a project with the labelling config that
`coopextract export --format labelstudio` writes, imports the tasks, submits the annotations
below through the API as an annotator would in the labelling page (the pre-annotations,
some answers changed), and saves the project's JSON export:

    python tests/labelstudio/make_export.py DIR http://127.0.0.1:8089 TOKEN
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

# record id -> the annotations submitted, in order: answers changed from the predictions.
# `None`: a task left without annotation. `"skip"`: the annotator pressed Skip.
ANNOTATIONS: dict[str, list[Any] | None] = {
    # Two annotations: a hasty one, then the one that counts (the latest).
    "agr-1fc82fad8ba8ed40": [{"instrument": "protocol"}, {}],
    "agr-83e158e36d7485ab": [{"status": "in_force"}],  # the 2018-2022 programme runs
    "agr-e928a863cc9c128e": [{"date": "2020-12-02"}],  # "mercredi": the communiqué's day
    "agr-1a233496a100b369": None,
    "agr-50a4d63ddc7de684": [{}],
    "agr-17653f721731c2bf": [{}],
    "agr-a80ec4d223ffdea8": [{"date": "none"}],  # 2025 is the station's date, not its own
    "agr-17a5aaddf636d6b9": ["skip"],
    "agr-d79d81db1fb1bd75": [{"verdict": "not an agreement"}],  # a wish
}


def call(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        base + path,
        data=data,
        method=method,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def answered(prediction: list[dict[str, Any]], changes: dict[str, str]) -> list[dict[str, Any]]:
    """The prediction's result with some answers changed, as the labelling page submits it."""
    result = copy.deepcopy(prediction)
    for item in result:
        name = item["from_name"]
        if name in changes and item["type"] == "choices":
            item["value"]["choices"] = [changes[name]]
        elif name in changes and item["type"] == "textarea":
            item["value"]["text"] = [changes[name]]
    if "date" in changes and not any(item["from_name"] == "date" for item in result):
        result.append(
            {
                "id": "date-added",
                "from_name": "date",
                "to_name": "text",
                "type": "textarea",
                "value": {"text": [changes["date"]]},
            }
        )
    return result


def main(folder: str, base: str, token: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tasks_file = Path(tmp) / "tasks.json"
        subprocess.run(
            ["coopextract", "export", folder, "--format", "labelstudio", "--out", str(tasks_file)],
            check=True,
        )
        config = (Path(tmp) / "tasks-config.xml").read_text(encoding="utf-8")
        tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    project = call(
        base, token, "POST", "/api/projects", {"title": "coopextract", "label_config": config}
    )
    call(base, token, "POST", f"/api/projects/{project['id']}/import", tasks)
    stored = call(base, token, "GET", f"/api/tasks?project={project['id']}&page_size=100")["tasks"]
    for task in stored:
        full = call(base, token, "GET", f"/api/tasks/{task['id']}")
        planned = ANNOTATIONS[full["data"]["id"]]
        for changes in planned or ():
            if changes == "skip":
                body = {"result": [], "was_cancelled": True}
            else:
                prediction = full["predictions"][0]["result"]
                body = {"result": answered(prediction, changes), "was_cancelled": False}
            call(base, token, "POST", f"/api/tasks/{task['id']}/annotations", body)
    export = call(
        base,
        token,
        "GET",
        f"/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true",
    )
    (HERE / "export.json").write_text(
        json.dumps(export, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
