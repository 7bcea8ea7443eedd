"""`spacy train` on one thread: the machine is shared, and the efficiency config gains little from more.

The thread limits must be set before numpy (and its BLAS) is imported, so this wraps spaCy's own train
function instead of calling `spacy train` from the shell. Arguments after the config and output folder are
config overrides, as for `spacy train` (e.g. `--training.max_steps 2000`).
"""

import os
import sys
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

from spacy.cli._util import parse_config_overrides  # noqa: E402  (after the thread limits)
from spacy.cli.train import train  # noqa: E402

if __name__ == "__main__":
    config, output, *overrides = sys.argv[1:]
    train(Path(config), Path(output), overrides=parse_config_overrides(overrides))
