"""A throw-away certificate authority and a server certificate for 127.0.0.1, made with the openssl CLI."""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TlsFiles:
    """PEM files: the CA certificate clients trust, and the server's certificate and key."""

    ca: Path
    cert: Path
    key: Path


def make_certificates(folder: Path) -> TlsFiles:
    """A CA and a server certificate signed by it for IP 127.0.0.1 and DNS localhost, valid for a day.

    The openssl CLI rather than the `cryptography` package: it is on every machine that has a TLS-capable
    redis-server, and the package is not a dependency of the project.
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        raise FileNotFoundError("openssl is not on PATH")
    folder.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(ca=folder / "ca.crt", cert=folder / "server.crt", key=folder / "server.key")
    ca_key, csr, ext = folder / "ca.key", folder / "server.csr", folder / "server.ext"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for command in (
        ["req", "-x509", *ec, "-keyout", ca_key, "-out", files.ca, "-days", "1", "-subj", "/CN=claimwire test CA"],
        ["req", "-new", *ec, "-keyout", files.key, "-out", csr, "-subj", "/CN=localhost"],
        ["x509", "-req", "-in", csr, "-CA", files.ca, "-CAkey", ca_key, "-CAcreateserial", "-out", files.cert,
         "-days", "1", "-extfile", ext],
    ):  # fmt: skip
        subprocess.run([openssl, *map(str, command)], check=True, capture_output=True)
    return files


def tls_server_args(files: TlsFiles, port: int) -> tuple[str, ...]:
    """redis-server arguments for TLS only on `port` (the plain port closed), clients not asked for a certificate."""
    return (
        "--port", "0", "--tls-port", str(port), "--tls-cert-file", str(files.cert),
        "--tls-key-file", str(files.key), "--tls-ca-cert-file", str(files.ca), "--tls-auth-clients", "no",
    )  # fmt: skip
