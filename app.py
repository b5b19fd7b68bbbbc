"""Start the BudgetQA chat page: `python app.py [--host 127.0.0.1] [--port 7860] [--share] [--home DIR]`.

Configuration is resolved once here (defaults < budgetqa.toml < GRADIO_SERVER_NAME/PORT < BUDGETQA_* env
< flags); `BUDGETQA_AUTH=user:pass` turns on a login. The page itself lives in `assistant.ui`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from index.errors import BudgetQAError
from index.settings import Settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="BudgetQA chat page (Gradio). Settings and the JSON contract: docs/CONTRACT.md.",
    )
    parser.add_argument("--host", help="bind address (default $GRADIO_SERVER_NAME or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default $GRADIO_SERVER_PORT or 7860)")
    parser.add_argument("--share", action="store_true", help="also open a public Gradio share link")
    parser.add_argument("--home", type=Path, help="store directory (default $BUDGETQA_HOME)")
    args = parser.parse_args(argv)
    try:
        from assistant.ui import serve
        from assistant.ui_server import bind_overrides

        overrides = bind_overrides(args.host, args.port)
        serve(Settings().with_overrides(home=args.home, **overrides), share=args.share)
    except BudgetQAError as err:
        print(f"错误 / error: {err}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
