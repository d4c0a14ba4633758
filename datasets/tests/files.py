"""Small dataset files built in the tests, good and bad, one function per kind."""

import io
import json

import h5py
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

CSV = b"bond_distance,energy,label\n0.5,-1.05,bell\n0.7,-1.13,ghz\n0.9,-1.10,bell\n1.1,nan,w\n1.3,inf,bell\n"


def csv_bytes(rows: int = 5) -> bytes:
    if rows == 5:
        return CSV
    lines = ["x,y,label"] + [f"{i},{i * 0.5},{'even' if i % 2 == 0 else 'odd'}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def json_array_bytes() -> bytes:
    records = [{"qubits": 2, "fidelity": 0.99, "state": "bell"}, {"qubits": 3, "fidelity": 0.95, "state": "ghz"}]
    return json.dumps(records).encode()


def json_lines_bytes() -> bytes:
    return b'{"qubits": 2, "state": "bell"}\n{"qubits": 3, "state": "ghz"}\n{"qubits": 4, "state": null}\n'


def parquet_bytes(rows: int = 3) -> bytes:
    table = pa.table({"shot": list(range(rows)), "outcome": [f"{i % 4:02b}" for i in range(rows)]})
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=max(rows // 3, 1))
    return sink.getvalue()


def npy_bytes(array=None) -> bytes:
    sink = io.BytesIO()
    np.save(sink, np.arange(12, dtype=np.float64).reshape(4, 3) if array is None else array, allow_pickle=True)
    return sink.getvalue()


def hdf5_bytes(build=None) -> bytes:
    sink = io.BytesIO()
    with h5py.File(sink, "w") as handle:
        if build is None:
            handle["measurements/counts"] = np.array([[512, 512], [480, 544], [500, 524]])
            handle["measurements/labels"] = np.array([b"00", b"11", b"01"])
            handle["amplitudes"] = np.array([0.5 + 0.5j, 0.5 - 0.5j])
        else:
            build(handle)
    return sink.getvalue()


def with_external_link(handle):
    handle["data"] = np.arange(3)
    handle["elsewhere"] = h5py.ExternalLink("/etc/secrets.h5", "/data")


def with_virtual_dataset(handle):
    layout = h5py.VirtualLayout(shape=(3,), dtype="i8")
    layout[:] = h5py.VirtualSource("/var/other.h5", "data", shape=(3,))
    handle.create_virtual_dataset("virtual", layout)


def with_external_storage(handle):
    handle.create_dataset("raw", shape=(4,), dtype="i8", external=[("/etc/passwd", 0, 32)])


def with_many_objects(count: int):
    def build(handle):
        for index in range(count):
            handle.create_dataset(f"d{index}", data=np.int8(index % 100))

    return build


VALID = {
    "csv": csv_bytes,
    "json": json_array_bytes,
    "parquet": parquet_bytes,
    "npy": npy_bytes,
    "hdf5": hdf5_bytes,
}
