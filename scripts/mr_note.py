"""Write the figure diff (`make diff`) as one note on the GitLab merge request, updated on every
push rather than repeated. Needs a project access token with scope "api" in LKJ_GITLAB_TOKEN;
without one it says so and exits 0 (the diff stays a job artifact). Standard library only.

    python3 scripts/mr_note.py perubahan.md
"""

import json
import os
import sys
import urllib.request

MARKER = "<!-- lkj-diff -->"


def call(method: str, url: str, token: str, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"PRIVATE-TOKEN": token})
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def main(path: str) -> int:
    token = os.environ.get("LKJ_GITLAB_TOKEN")
    if not token:
        print("mr_note: LKJ_GITLAB_TOKEN tidak diisi; perubahan angka ada di artefak perubahan.md")
        return 0
    api, project, request = (os.environ[name] for name in ("CI_API_V4_URL", "CI_PROJECT_ID", "CI_MERGE_REQUEST_IID"))
    notes_url = f"{api}/projects/{project}/merge_requests/{request}/notes"
    with open(path, encoding="utf-8") as file:
        body = f"{MARKER}\n{file.read()[:60000]}"
    notes = call("GET", f"{notes_url}?per_page=100", token)
    mine = next((note for note in notes if note["body"].startswith(MARKER)), None)
    if mine:
        call("PUT", f"{notes_url}/{mine['id']}", token, {"body": body})
    else:
        call("POST", notes_url, token, {"body": body})
    print("mr_note: catatan perubahan angka ditulis di merge request")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
