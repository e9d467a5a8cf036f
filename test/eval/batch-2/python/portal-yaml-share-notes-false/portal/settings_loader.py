from pathlib import Path

import yaml

CONFIG_FILE = Path(__file__).resolve().parent.parent / "config" / "portal.yaml"
PORTAL = yaml.safe_load(CONFIG_FILE.read_text())["portal"]
SHARE_NOTES = PORTAL["notes"]["share_notes_with_patient"]
